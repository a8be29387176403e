// The mandatory FlowSchemas and PriorityLevelConfigurations whose specs are fixed
// (pkg/apis/flowcontrol/internalbootstrap, from the apiserver's bootstrap
// configuration, k8s.io/apiserver/pkg/apis/flowcontrol/bootstrap/default.go; the
// same in every supported release), in their v1 form.
import type { JsonRecord } from "../../../util/object-access.js";

/** Every verb, API group, resource and namespace, cluster-scoped too; every non-resource URL. */
const EVERYTHING = {
  resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: ["*"], clusterScope: true }],
  nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }],
};

const groups = (...names: string[]) => names.map((name) => ({ kind: "Group", group: { name } }));

export const MANDATORY_FLOW_SCHEMAS: Readonly<Record<string, JsonRecord>> = {
  exempt: {
    priorityLevelConfiguration: { name: "exempt" },
    matchingPrecedence: 1,
    rules: [{ subjects: groups("system:masters"), ...EVERYTHING }],
  },
  "catch-all": {
    priorityLevelConfiguration: { name: "catch-all" },
    matchingPrecedence: 10000,
    distinguisherMethod: { type: "ByUser" },
    rules: [{ subjects: groups("system:unauthenticated", "system:authenticated"), ...EVERYTHING }],
  },
};

export const MANDATORY_PRIORITY_LEVEL_CONFIGURATIONS: Readonly<Record<string, JsonRecord>> = {
  exempt: { type: "Exempt", exempt: { nominalConcurrencyShares: 0, lendablePercent: 0 } },
  "catch-all": { type: "Limited", limited: { nominalConcurrencyShares: 5, lendablePercent: 0, limitResponse: { type: "Reject" } } },
};
