import { describe, expect, it } from "vitest";
import { createPath, createPathMessages } from "../../helpers.js";
import { CONTAINER, MISMATCH, valid, workload } from "./workloads.js";
import { errorMessage } from "../../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../../src/apiserver/field/path.js";
import { validateRollingUpdateStatefulSet } from "../../../../src/apiserver/validation/apps/stateful-set.js";

const statefulSet = (...spec: string[]) => valid("apps/v1", "StatefulSet", ...spec);
/** A StatefulSet whose template's pod spec is the given flow mapping entries. */
const withPodSpec = (podSpec: string) => workload("apps/v1", "StatefulSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {${podSpec}}`);

describe("validateStatefulSetSpec", () => {
  it.each([
    ["a minimal StatefulSet", statefulSet()],
    ["parallel pod management", statefulSet("podManagementPolicy: Parallel")],
    ["a partitioned rolling update", statefulSet("replicas: 3", "updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}")],
    ["an OnDelete update strategy", statefulSet("updateStrategy: {type: OnDelete}")],
    ["a maxUnavailable of 2", statefulSet("updateStrategy: {rollingUpdate: {maxUnavailable: 2}}")],
    ["claim retention policies", statefulSet("persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}")],
    ["empty retention policies (defaulted to Retain)", statefulSet("persistentVolumeClaimRetentionPolicy: {whenDeleted: '', whenScaled: ''}")],
    ["ordinals starting at 2", statefulSet("ordinals: {start: 2}")],
    ["a service name", statefulSet("serviceName: db")],
    // MaxUnavailableStatefulSet is off (on in 1.35.0-1.35.3 only): PrepareForCreate drops the field.
    ["a maxUnavailable of 0 in 1.34, dropped", statefulSet("updateStrategy: {rollingUpdate: {maxUnavailable: 0}}"), "1.34"],
    ["a maxUnavailable of 0 in 1.35, dropped", statefulSet("updateStrategy: {rollingUpdate: {maxUnavailable: 0}}"), "1.35"],
    ["a maxUnavailable above 100% in 1.36, dropped", statefulSet("updateStrategy: {rollingUpdate: {maxUnavailable: 101%}}"), "1.36"],
    ["a service name that is not a DNS label before 1.33", statefulSet("serviceName: db.example"), "1.32"],
    ["a revisionHistoryLimit of 0", statefulSet("revisionHistoryLimit: 0"), "1.33"],
    ["a negative revisionHistoryLimit before 1.33, when it was not validated", statefulSet("revisionHistoryLimit: -1"), "1.32"],
    ["a template without containers before 1.34 (only its labels and annotations were checked)", workload("apps/v1", "StatefulSet", "selector: {matchLabels: {app: web}}", "template: {metadata: {labels: {app: web}}}"), "1.33"],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    ["an unknown pod management policy", statefulSet("podManagementPolicy: Serial"), "1.36", [`spec.podManagementPolicy: Invalid value: "Serial": must be 'OrderedReady' or 'Parallel'`]],
    [
      "an unknown update strategy",
      statefulSet("updateStrategy: {type: Rolling}"),
      "1.36",
      [`spec.updateStrategy: Invalid value: {"Type":"Rolling","RollingUpdate":null}: must be 'RollingUpdate' or 'OnDelete'`],
    ],
    [
      "an unknown update strategy, in Go syntax before 1.34",
      statefulSet("updateStrategy: {type: Rolling, rollingUpdate: {partition: 1}}"),
      "1.33",
      [`spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(0x…)}: must be 'RollingUpdate' or 'OnDelete'`],
    ],
    [
      "OnDelete with a rolling update",
      statefulSet("updateStrategy: {type: OnDelete, rollingUpdate: {partition: 1}}"),
      "1.36",
      [`spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":1,"MaxUnavailable":null}: only allowed for updateStrategy 'RollingUpdate'`],
    ],
    [
      "OnDelete with a rolling update, in Go syntax before 1.34",
      statefulSet("updateStrategy: {type: OnDelete, rollingUpdate: {partition: 1}}"),
      "1.30",
      [`spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'`],
    ],
    ["a negative partition", statefulSet("updateStrategy: {rollingUpdate: {partition: -1}}"), "1.36", ["spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "OnDelete with only a maxUnavailable, which is dropped first",
      statefulSet("updateStrategy: {type: OnDelete, rollingUpdate: {maxUnavailable: 2}}"),
      "1.36",
      [`spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":0,"MaxUnavailable":null}: only allowed for updateStrategy 'RollingUpdate'`],
    ],
    [
      "unknown claim retention policies",
      statefulSet("persistentVolumeClaimRetentionPolicy: {whenDeleted: Keep, whenScaled: Remove}"),
      "1.36",
      [
        'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
        'spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "Remove": supported values: "Retain", "Delete"',
      ],
    ],
    ["negative replicas", statefulSet("replicas: -1"), "1.36", ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative minReadySeconds", statefulSet("minReadySeconds: -1"), "1.36", ["spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative first ordinal", statefulSet("ordinals: {start: -1}"), "1.36", ["spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "a negative revisionHistoryLimit (1.33 on)",
      statefulSet("minReadySeconds: -1", "revisionHistoryLimit: -1", "ordinals: {start: -1}"),
      "1.33",
      ["spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0", "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0", "spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0"],
    ],
    ["a service name that is not a DNS label (1.33 on)", statefulSet("serviceName: db.example"), "1.33", ['spec.serviceName: Invalid value: "db.example": must not contain dots']],
    ["no selector", workload("apps/v1", "StatefulSet", "template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`), "1.36", ["spec.selector: Required value", `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`]],
    [
      "an empty selector",
      workload("apps/v1", "StatefulSet", "selector: {}", "template:", "  metadata: {labels: {app: db}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.36",
      ["spec.selector: Invalid value: {}: empty selector is invalid for statefulset"],
    ],
    [
      "a selector that does not parse (no detail)",
      workload("apps/v1", "StatefulSet", "selector: {matchLabels: {app: Web Server}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.36",
      [
        'spec.selector: Invalid value: {"matchLabels":{"app":"Web Server"}}',
        `spec.selector.matchLabels: Invalid value: "Web Server": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    ["a template that never restarts", withPodSpec(`restartPolicy: Never, containers: [${CONTAINER}]`), "1.36", ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ["a template with activeDeadlineSeconds", withPodSpec(`activeDeadlineSeconds: 5, containers: [${CONTAINER}]`), "1.36", ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported"]],
    ["a template without containers (1.34 on)", workload("apps/v1", "StatefulSet", "selector: {matchLabels: {app: web}}", "template: {metadata: {labels: {app: web}}}"), "1.34", ["spec.template.spec.containers: Required value"]],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });

  it("reports a bad template label at the label, before 1.34", () => {
    const text = workload("apps/v1", "StatefulSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web, 'bad key': x}}", "  spec: {}");
    expect(createPathMessages(text, "1.33")).toEqual([
      `spec.template.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
});

// What the create path checks of maxUnavailable while MaxUnavailableStatefulSet is on
// (1.35.0-1.35.3, and 1.37): no release modelled here keeps the field.
describe("validateRollingUpdateStatefulSet with MaxUnavailableStatefulSet on", () => {
  const check = (rollingUpdate: Record<string, unknown>) =>
    validateRollingUpdateStatefulSet(rollingUpdate, FieldPath.root("spec", "updateStrategy", "rollingUpdate"), "1.36").map((error) => errorMessage(error, "1.36"));
  const PATH = "spec.updateStrategy.rollingUpdate.maxUnavailable";

  it.each([["a count", 2], ["a percentage", "50%"], ["100%", "100%"]])("accepts %s", (_name, maxUnavailable) => {
    expect(check({ maxUnavailable })).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ["0", 0, [`${PATH}: Invalid value: 0: cannot be 0`]],
    ["0%", "0%", [`${PATH}: Invalid value: "0%": cannot be 0`]],
    ["above 100%", "101%", [`${PATH}: Invalid value: "101%": must not be greater than 100%`]],
  ])("reports a maxUnavailable of %s", (_name, maxUnavailable, expected) => {
    expect(check({ maxUnavailable })).toEqual(expected);
  });
});

describe("the volumes of a StatefulSet's pods", () => {
  const withClaims = (mounts: string) =>
    workload(
      "apps/v1",
      "StatefulSet",
      "selector: {matchLabels: {app: web}}",
      "template:",
      "  metadata: {labels: {app: web}}",
      `  spec: {containers: [{name: app, image: nginx:1.27, volumeMounts: [${mounts}]}]}`,
      "volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]",
    );

  it("include the claims of its volume claim templates", () => {
    expect(createPath(withClaims("{name: data, mountPath: /data}"))).toEqual([]);
  });

  it("include nothing else", () => {
    expect(createPathMessages(withClaims("{name: cache, mountPath: /cache}"))).toEqual(['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "cache"']);
  });
});

describe("a StatefulSet's name and claim templates", () => {
  const claim = (spec: string) => statefulSet(`volumeClaimTemplates: [{metadata: {name: data}, spec: ${spec}}]`);

  it.each([
    ["a claim template with an access mode and a storage request", claim("{accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), "1.36"],
    ["a claim template without access modes before 1.34 (not validated)", claim("{resources: {requests: {storage: 1Gi}}}"), "1.33"],
  ])("accepts %s", (_name, text, version) => {
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    ["a claim template without access modes (1.34 on)", claim("{resources: {requests: {storage: 1Gi}}}"), "1.34", ["spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required"]],
    ["a claim template without a storage request", claim("{accessModes: [ReadWriteOnce]}"), "1.36", ["spec.volumeClaimTemplates[0].spec.resources[storage]: Required value"]],
    ["a name with a dot (a DNS label is required)", statefulSet().replace("name: web}", "name: web.v2}"), "1.36", [`metadata.name: Invalid value: "web.v2": must not contain dots`]],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});
