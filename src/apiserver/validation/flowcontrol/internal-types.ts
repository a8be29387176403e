// The internal types of flowcontrol.apiserver.k8s.io specs (pkg/apis/flowcontrol/types.go),
// in their fields' order, with the v1 JSON names they convert from.
import type { InternalType } from "../../field/internal-type.js";

const NAME_ONLY = (struct: string): InternalType => ({ struct, fields: [["Name", "name", "string"]] });

const SUBJECT: InternalType = {
  struct: "flowcontrol.Subject",
  fields: [
    ["Kind", "kind", "string"],
    ["User", "user", { pointer: NAME_ONLY("flowcontrol.UserSubject") }],
    ["Group", "group", { pointer: NAME_ONLY("flowcontrol.GroupSubject") }],
    ["ServiceAccount", "serviceAccount", { pointer: { struct: "flowcontrol.ServiceAccountSubject", fields: [["Namespace", "namespace", "string"], ["Name", "name", "string"]] } }],
  ],
};

const RESOURCE_POLICY_RULE: InternalType = {
  struct: "flowcontrol.ResourcePolicyRule",
  fields: [
    ["Verbs", "verbs", { slice: "string" }],
    ["APIGroups", "apiGroups", { slice: "string" }],
    ["Resources", "resources", { slice: "string" }],
    ["ClusterScope", "clusterScope", "bool"],
    ["Namespaces", "namespaces", { slice: "string" }],
  ],
};

const NON_RESOURCE_POLICY_RULE: InternalType = {
  struct: "flowcontrol.NonResourcePolicyRule",
  fields: [
    ["Verbs", "verbs", { slice: "string" }],
    ["NonResourceURLs", "nonResourceURLs", { slice: "string" }],
  ],
};

export const FLOW_SCHEMA_SPEC: InternalType = {
  struct: "flowcontrol.FlowSchemaSpec",
  fields: [
    ["PriorityLevelConfiguration", "priorityLevelConfiguration", NAME_ONLY("flowcontrol.PriorityLevelConfigurationReference")],
    ["MatchingPrecedence", "matchingPrecedence", "int32"],
    ["DistinguisherMethod", "distinguisherMethod", { pointer: { struct: "flowcontrol.FlowDistinguisherMethod", fields: [["Type", "type", "string"]] } }],
    [
      "Rules",
      "rules",
      {
        slice: {
          struct: "flowcontrol.PolicyRulesWithSubjects",
          fields: [
            ["Subjects", "subjects", { slice: SUBJECT }],
            ["ResourceRules", "resourceRules", { slice: RESOURCE_POLICY_RULE }],
            ["NonResourceRules", "nonResourceRules", { slice: NON_RESOURCE_POLICY_RULE }],
          ],
        },
      },
    ],
  ],
};

const LIMIT_RESPONSE: InternalType = {
  struct: "flowcontrol.LimitResponse",
  fields: [
    ["Type", "type", "string"],
    [
      "Queuing",
      "queuing",
      {
        pointer: {
          struct: "flowcontrol.QueuingConfiguration",
          fields: [["Queues", "queues", "int32"], ["HandSize", "handSize", "int32"], ["QueueLengthLimit", "queueLengthLimit", "int32"]],
        },
      },
    ],
  ],
};

export const PRIORITY_LEVEL_CONFIGURATION_SPEC: InternalType = {
  struct: "flowcontrol.PriorityLevelConfigurationSpec",
  fields: [
    ["Type", "type", "string"],
    [
      "Limited",
      "limited",
      {
        pointer: {
          struct: "flowcontrol.LimitedPriorityLevelConfiguration",
          fields: [
            ["NominalConcurrencyShares", "nominalConcurrencyShares", "int32"],
            ["LimitResponse", "limitResponse", LIMIT_RESPONSE],
            ["LendablePercent", "lendablePercent", { pointer: "int32" }],
            ["BorrowingLimitPercent", "borrowingLimitPercent", { pointer: "int32" }],
          ],
        },
      },
    ],
    [
      "Exempt",
      "exempt",
      {
        pointer: {
          struct: "flowcontrol.ExemptPriorityLevelConfiguration",
          fields: [["NominalConcurrencyShares", "nominalConcurrencyShares", { pointer: "int32" }], ["LendablePercent", "lendablePercent", { pointer: "int32" }]],
        },
      },
    ],
  ],
};
