import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const flowSchema = (name: string, ...spec: string[]) =>
  yaml("apiVersion: flowcontrol.apiserver.k8s.io/v1", "kind: FlowSchema", `metadata: {name: ${name}}`, "spec:", "  priorityLevelConfiguration: {name: workload-low}", ...spec.map((l) => "  " + l));
const USER = "{kind: User, user: {name: alice}}";
const POD_READS = "{verbs: [get, list], apiGroups: [''], resources: [pods], namespaces: ['*']}";
/** A FlowSchema with one rule of the given subjects and resource rules (flow sequences). */
const withRule = (subjects: string, resourceRules: string) => flowSchema("fs", `rules: [{subjects: ${subjects}, resourceRules: ${resourceRules}}]`);
const level = (name: string, ...spec: string[]) => yaml("apiVersion: flowcontrol.apiserver.k8s.io/v1", "kind: PriorityLevelConfiguration", `metadata: {name: ${name}}`, "spec:", ...spec.map((l) => "  " + l));
const queued = (queuing: string) => level("pl", "type: Limited", `limited: {limitResponse: {type: Queue, queuing: ${queuing}}}`);

describe("ValidateFlowSchemaSpec", () => {
  it.each([
    ["a schema with a user rule", withRule(`[${USER}]`, `[${POD_READS}]`)],
    ["no precedence (defaulted to 1000)", flowSchema("fs")],
    ["a service account of any name in a namespace, a group", withRule("[{kind: ServiceAccount, serviceAccount: {name: '*', namespace: ns}}, {kind: Group, group: {name: system:authenticated}}]", `[${POD_READS}]`)],
    ["a cluster-scoped rule with wildcards", withRule(`[${USER}]`, "[{verbs: ['*'], apiGroups: ['*'], resources: ['*'], clusterScope: true}]")],
    ["non-resource URLs", flowSchema("fs", `rules: [{subjects: [${USER}], nonResourceRules: [{verbs: [get], nonResourceURLs: [/healthz, /metrics/*, /]}]}]`)],
    ["a distinguisher", flowSchema("fs", "distinguisherMethod: {type: ByUser}")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["a negative precedence", flowSchema("fs", "matchingPrecedence: -1"), ["spec.matchingPrecedence: Invalid value: -1: must be a positive value"]],
    ["a precedence above 10000", flowSchema("fs", "matchingPrecedence: 10001"), ["spec.matchingPrecedence: Invalid value: 10001: must not be greater than 10000"]],
    ["precedence 1 for a schema other than exempt", flowSchema("fs", "matchingPrecedence: 1"), ["spec.matchingPrecedence: Invalid value: 1: only the schema named 'exempt' may have matchingPrecedence 1"]],
    ["an unknown distinguisher", flowSchema("fs", "distinguisherMethod: {type: ByPod}"), ['spec.distinguisherMethod.type: Unsupported value: {"Type":"ByPod"}: supported values: "ByNamespace", "ByUser"']],
    [
      "no priority level",
      yaml("apiVersion: flowcontrol.apiserver.k8s.io/v1", "kind: FlowSchema", "metadata: {name: fs}", "spec: {matchingPrecedence: 500}"),
      ["spec.priorityLevelConfiguration.name: Required value: must reference a priority level"],
    ],
    ["a rule without subjects or rules", flowSchema("fs", "rules: [{}]"), ["spec.rules[0].subjects: Required value: subjects must contain at least one value", "spec.rules[0]: Required value: at least one of resourceRules and nonResourceRules has to be non-empty"]],
    ["a User subject without its user", withRule("[{kind: User}]", `[${POD_READS}]`), ["spec.rules[0].subjects[0].user: Required value: user is required when subject kind is 'User'"]],
    ["a Group subject with a user too", withRule("[{kind: Group, group: {name: g}, user: {name: u}}]", `[${POD_READS}]`), ["spec.rules[0].subjects[0].user: Forbidden: user is forbidden when subject kind is not 'User'"]],
    [
      "a service account without a namespace",
      withRule("[{kind: ServiceAccount, serviceAccount: {name: sa}}]", `[${POD_READS}]`),
      ["spec.rules[0].subjects[0].serviceAccount.namespace: Required value: must specify namespace for service account"],
    ],
    ["an unknown subject kind", withRule("[{kind: Robot}]", `[${POD_READS}]`), ['spec.rules[0].subjects[0].kind: Unsupported value: "Robot": supported values: "Group", "ServiceAccount", "User"']],
    [
      "an unsupported verb",
      withRule(`[${USER}]`, "[{verbs: [get, escalate], apiGroups: [''], resources: [pods], clusterScope: true}]"),
      ['spec.rules[0].resourceRules[0].verbs: Unsupported value: ["get","escalate"]: supported values: "create", "delete", "deletecollection", "get", "list", "patch", "proxy", "update", "watch"'],
    ],
    [
      "a wildcard verb among others",
      withRule(`[${USER}]`, "[{verbs: ['*', get], apiGroups: [''], resources: [pods], clusterScope: true}]"),
      ['spec.rules[0].resourceRules[0].verbs: Invalid value: ["*","get"]: if \'*\' is present, must not specify other verbs'],
    ],
    [
      "a rule without groups, resources or namespaces",
      withRule(`[${USER}]`, "[{verbs: [get]}]"),
      [
        "spec.rules[0].resourceRules[0].apiGroups: Required value: resource rules must supply at least one api group",
        "spec.rules[0].resourceRules[0].resources: Required value: resource rules must supply at least one resource",
        "spec.rules[0].resourceRules[0].namespaces: Required value: resource rules that are not cluster scoped must supply at least one namespace",
      ],
    ],
    [
      "a namespace that is not a DNS label",
      withRule(`[${USER}]`, "[{verbs: [get], apiGroups: [''], resources: [pods], namespaces: [Team_A]}]"),
      [
        "spec.rules[0].resourceRules[0].namespaces[0]: Invalid value: \"Team_A\": each member of this list must be '*' or a DNS-1123 label; a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      "bad non-resource URLs",
      flowSchema("fs", `rules: [{subjects: [${USER}], nonResourceRules: [{verbs: [get], nonResourceURLs: [healthz, /a b, //x, /a*]}]}]`),
      [
        'spec.rules[0].nonResourceRules[0].nonResourceURLs[0]: Invalid value: "healthz": must start with slash',
        'spec.rules[0].nonResourceRules[0].nonResourceURLs[1]: Invalid value: "/a b": must not contain white-space',
        'spec.rules[0].nonResourceRules[0].nonResourceURLs[2]: Invalid value: "//x": must not contain double slash',
        'spec.rules[0].nonResourceRules[0].nonResourceURLs[3]: Invalid value: "/a*": wildcard can only do suffix matching',
      ],
    ],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });
});

describe("ValidatePriorityLevelConfigurationSpec", () => {
  it.each([
    ["a queuing level with defaults (queues, hand size, queue length)", level("pl", "type: Limited", "limited: {limitResponse: {type: Queue, queuing: {}}}")],
    ["a rejecting level lending all its shares", level("pl", "type: Limited", "limited: {nominalConcurrencyShares: 1, lendablePercent: 100, borrowingLimitPercent: 0, limitResponse: {type: Reject}}")],
    ["no shares (defaulted to 30)", level("pl", "type: Limited", "limited: {limitResponse: {type: Reject}}")],
    ["the exempt level", level("exempt", "type: Exempt", "exempt: {nominalConcurrencyShares: 0, lendablePercent: 0}")],
    ["a large deck within the entropy limit", queued("{queues: 128, handSize: 8, queueLengthLimit: 10}")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["an Exempt level not named exempt", level("pl", "type: Exempt"), ["spec.type: Invalid value: \"Exempt\": type must be 'Exempt' if and only if name is 'exempt'"]],
    ["an unknown type", level("pl", "type: Unlimited"), ['spec.type: Unsupported value: "Unlimited": supported values: "Exempt", "Limited"']],
    ["a Limited level without its configuration", level("pl", "type: Limited"), ["spec.limited: Required value: must not be empty when type is Limited"]],
    [
      "an Exempt level with a limited configuration",
      level("exempt", "type: Exempt", "limited: {limitResponse: {type: Reject}}", "exempt: {lendablePercent: 101}"),
      [
        'spec: Invalid value: {"Type":"Exempt","Limited":{"NominalConcurrencyShares":30,"LimitResponse":{"Type":"Reject","Queuing":null},"LendablePercent":0,"BorrowingLimitPercent":null},"Exempt":{"NominalConcurrencyShares":0,"LendablePercent":101}}: spec of \'exempt\' must equal the fixed value',
        "spec.limited: Forbidden: must be nil if the type is not Limited",
        "spec.exempt.lendablePercent: Invalid value: 101: must be between 0 and 100, inclusive",
      ],
    ],
    ["negative shares", level("pl", "type: Limited", "limited: {nominalConcurrencyShares: -1, limitResponse: {type: Reject}}"), ["spec.limited.nominalConcurrencyShares: Invalid value: -1: must be positive"]],
    ["zero shares (not allowed by the strategy)", level("pl", "type: Limited", "limited: {nominalConcurrencyShares: 0, limitResponse: {type: Reject}}"), ["spec.limited.nominalConcurrencyShares: Invalid value: 0: must be positive"]],
    [
      "negative borrowing, lending above 100",
      level("pl", "type: Limited", "limited: {lendablePercent: 101, borrowingLimitPercent: -1, limitResponse: {type: Reject}}"),
      ["spec.limited.lendablePercent: Invalid value: 101: must be between 0 and 100, inclusive", "spec.limited.borrowingLimitPercent: Invalid value: -1: if specified, must be a non-negative integer"],
    ],
    ["queuing on a rejecting level", level("pl", "type: Limited", "limited: {limitResponse: {type: Reject, queuing: {}}}"), ["spec.limited.limitResponse.queuing: Forbidden: must be nil if limited.limitResponse.type is not Limited"]],
    ["a queuing level without queuing", level("pl", "type: Limited", "limited: {limitResponse: {type: Queue}}"), ["spec.limited.limitResponse.queuing: Required value: must not be empty if limited.limitResponse.type is Limited"]],
    [
      "negative queuing numbers",
      queued("{queues: -1, handSize: -1, queueLengthLimit: -1}"),
      [
        "spec.limited.limitResponse.queuing.queues: Invalid value: -1: must be positive",
        "spec.limited.limitResponse.queuing.handSize: Invalid value: -1: must be positive",
        "spec.limited.limitResponse.queuing.queueLengthLimit: Invalid value: -1: must be positive",
      ],
    ],
    ["a hand larger than the deck", queued("{queues: 4, handSize: 5}"), ["spec.limited.limitResponse.queuing.handSize: Invalid value: 5: should not be greater than queues (4)"]],
    [
      "a hand needing more than 60 bits of entropy",
      queued("{queues: 1000000, handSize: 4}"),
      ["spec.limited.limitResponse.queuing.handSize: Invalid value: 4: required entropy bits of deckSize 1000000 and handSize 4 should not be greater than 60"],
    ],
    ["too many queues", queued("{queues: 10000001, handSize: 1}"), ["spec.limited.limitResponse.queuing.queues: Invalid value: 10000001: must not be greater than 10000000"]],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });
});

describe("the mandatory objects' fixed specs", () => {
  const EVERYTHING = "resourceRules: [{verbs: ['*'], apiGroups: ['*'], resources: ['*'], namespaces: ['*'], clusterScope: true}], nonResourceRules: [{verbs: ['*'], nonResourceURLs: ['*']}]";
  const schema = (name: string, ...spec: string[]) => yaml("apiVersion: flowcontrol.apiserver.k8s.io/v1", "kind: FlowSchema", `metadata: {name: ${name}}`, "spec:", ...spec.map((l) => "  " + l));
  const EXEMPT_SCHEMA = ["priorityLevelConfiguration: {name: exempt}", "matchingPrecedence: 1", `rules: [{subjects: [{kind: Group, group: {name: 'system:masters'}}], ${EVERYTHING}}]`];
  const CATCH_ALL_SCHEMA = ["priorityLevelConfiguration: {name: catch-all}", "matchingPrecedence: 10000", "distinguisherMethod: {type: ByUser}"];
  const catchAllRules = (groups: string) => `rules: [{subjects: [${groups}], ${EVERYTHING}}]`;
  const BOTH_GROUPS = "{kind: Group, group: {name: 'system:unauthenticated'}}, {kind: Group, group: {name: 'system:authenticated'}}";

  it.each([
    ["the exempt schema as bootstrapped", schema("exempt", ...EXEMPT_SCHEMA)],
    ["the catch-all schema as bootstrapped", schema("catch-all", ...CATCH_ALL_SCHEMA, catchAllRules(BOTH_GROUPS))],
    ["the exempt level, its shares defaulted", level("exempt", "type: Exempt", "exempt: {}")],
    ["the catch-all level", level("catch-all", "type: Limited", "limited: {nominalConcurrencyShares: 5, limitResponse: {type: Reject}}")],
    ["the catch-all level with its defaulted lending written out", level("catch-all", "type: Limited", "limited: {nominalConcurrencyShares: 5, lendablePercent: 0, limitResponse: {type: Reject}}")],
    ["a schema of another name with the same spec", schema("my-exempt", "priorityLevelConfiguration: {name: exempt}", "matchingPrecedence: 2", `rules: [{subjects: [{kind: Group, group: {name: 'system:masters'}}], ${EVERYTHING}}]`)],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  const EXEMPT_SUBJECTS_JSON = '"Subjects":[{"Kind":"Group","User":null,"Group":{"Name":"system:masters"},"ServiceAccount":null}]';
  const EVERYTHING_JSON = '"ResourceRules":[{"Verbs":["*"],"APIGroups":["*"],"Resources":["*"],"ClusterScope":true,"Namespaces":["*"]}],"NonResourceRules":[{"Verbs":["*"],"NonResourceURLs":["*"]}]';
  it.each([
    [
      "an exempt schema with a distinguisher",
      schema("exempt", ...EXEMPT_SCHEMA, "distinguisherMethod: {type: ByUser}"),
      "1.36",
      [`spec: Invalid value: {"PriorityLevelConfiguration":{"Name":"exempt"},"MatchingPrecedence":1,"DistinguisherMethod":{"Type":"ByUser"},"Rules":[{${EXEMPT_SUBJECTS_JSON},${EVERYTHING_JSON}}]}: spec of 'exempt' must equal the fixed value`],
    ],
    [
      "a catch-all schema of one group, precedence defaulted, in Go syntax before 1.34",
      schema("catch-all", "priorityLevelConfiguration: {name: catch-all}", "distinguisherMethod: {type: ByUser}", catchAllRules("{kind: Group, group: {name: 'system:authenticated'}}")),
      "1.33",
      [
        'spec: Invalid value: flowcontrol.FlowSchemaSpec{PriorityLevelConfiguration:flowcontrol.PriorityLevelConfigurationReference{Name:"catch-all"}, MatchingPrecedence:1000, DistinguisherMethod:(*flowcontrol.FlowDistinguisherMethod)(0x…), Rules:[]flowcontrol.PolicyRulesWithSubjects{flowcontrol.PolicyRulesWithSubjects{Subjects:[]flowcontrol.Subject{flowcontrol.Subject{Kind:"Group", User:(*flowcontrol.UserSubject)(nil), Group:(*flowcontrol.GroupSubject)(0x…), ServiceAccount:(*flowcontrol.ServiceAccountSubject)(nil)}}, ResourceRules:[]flowcontrol.ResourcePolicyRule{flowcontrol.ResourcePolicyRule{Verbs:[]string{"*"}, APIGroups:[]string{"*"}, Resources:[]string{"*"}, ClusterScope:true, Namespaces:[]string{"*"}}}, NonResourceRules:[]flowcontrol.NonResourcePolicyRule{flowcontrol.NonResourcePolicyRule{Verbs:[]string{"*"}, NonResourceURLs:[]string{"*"}}}}}}: spec of \'catch-all\' must equal the fixed value',
      ],
    ],
    [
      "an exempt level without its exempt configuration",
      level("exempt", "type: Exempt"),
      "1.36",
      ['spec: Invalid value: {"Type":"Exempt","Limited":null,"Exempt":null}: spec of \'exempt\' must equal the fixed value'],
    ],
    [
      "a catch-all level with a borrowing limit of 0 (a set pointer is not nil)",
      level("catch-all", "type: Limited", "limited: {nominalConcurrencyShares: 5, borrowingLimitPercent: 0, limitResponse: {type: Reject}}"),
      "1.36",
      [
        'spec: Invalid value: {"Type":"Limited","Limited":{"NominalConcurrencyShares":5,"LimitResponse":{"Type":"Reject","Queuing":null},"LendablePercent":0,"BorrowingLimitPercent":0},"Exempt":null}: spec of \'catch-all\' must equal the fixed value',
      ],
    ],
    [
      "a catch-all level that queues, with its own errors (findings in line order)",
      level("catch-all", "type: Limited", "limited: {limitResponse: {type: Queue}}"),
      "1.36",
      [
        'spec: Invalid value: {"Type":"Limited","Limited":{"NominalConcurrencyShares":30,"LimitResponse":{"Type":"Queue","Queuing":null},"LendablePercent":0,"BorrowingLimitPercent":null},"Exempt":null}: spec of \'catch-all\' must equal the fixed value',
        "spec.limited.limitResponse.queuing: Required value: must not be empty if limited.limitResponse.type is Limited",
      ],
    ],
  ])("rejects %s", (_name, text, version, messages) => {
    expect(createPathMessages(text, version)).toEqual(messages);
  });
});
