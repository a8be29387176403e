// The message classes of the schema layer: for each, manifests that must pass
// and manifests that must fail with an exact rule, place, message and fix.
import { describe, expect, test } from "vitest";
import { brief, findingsOf } from "./helpers.js";

type Brief = ReturnType<typeof brief>;

interface InvalidCase {
  name: string;
  yaml: string;
  expected: Brief[];
  version?: string;
  withSource?: boolean;
}

function deployment(containerLines: string, specLines = "", podSpecLines = ""): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
${specLines}  template:
    metadata:
      labels: {app: web}
    spec:
${podSpecLines}      containers:
        - name: web
          image: nginx:1.27
${containerLines}`;
}

const VALID: Array<{ name: string; yaml: string; version?: string }> = [
  { name: "Lt tolerations in 1.35", version: "1.35", yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: p, image: busybox}]\n  tolerations:\n    - {key: gpu-count, operator: Lt, value: "4"}\n` },
  { name: "a container restartPolicy Never from 1.34", version: "1.34", yaml: deployment(`          restartPolicy: Never\n`) },
  { name: "a plain deployment", yaml: deployment("") },
  { name: "imagePullPolicy \"\" is defaulted", yaml: deployment(`          imagePullPolicy: ""\n`) },
  { name: "null for optional fields decodes as unset", yaml: deployment(`          resources: null\n          env: null\n`, "  replicas: null\n") },
  { name: "a JSON number is a quantity", yaml: deployment(`          resources:\n            limits: {cpu: 2, memory: 1e9}\n            requests: {cpu: 0.5}\n`) },
  { name: "quantities may carry surrounding spaces", yaml: deployment(`          resources:\n            limits: {memory: " 1Gi "}\n`) },
  { name: "int-or-string takes a name or a number", yaml: `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - {port: 80, targetPort: http}\n    - {port: 81, targetPort: 8081}\n` },
  { name: "status and managedFields are accepted", yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: "2024-02-29T23:59:59.5+02:00"\n  managedFields:\n    - manager: kubectl\n      operation: Apply\n      fieldsType: FieldsV1\n      fieldsV1: {f:data: {}}\ndata: {a: b}\n` },
  { name: "opaque RawExtension data", yaml: `apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: r}\nrevision: 2\ndata: {anything: [1, {goes: here}]}\n` },
  { name: "label selector operators", yaml: deployment("", "", "").replace("matchLabels: {app: web}", "matchExpressions: [{key: app, operator: NotIn, values: [x]}]") },
];

const INVALID: InvalidCase[] = [
  // --- schema/unknown-field: typo in the object, case-insensitive first ---
  {
    name: "tartPort → targetPort",
    yaml: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      tartPort: 8080\n`,
    expected: [{ rule: "schema/unknown-field", line: 8, column: 7, message: 'spec.ports[0].tartPort: unknown field "tartPort" (did you mean "targetPort"?)', suggestion: "targetPort" }],
  },
  {
    name: "evnFrom → envFrom",
    yaml: deployment(`          evnFrom:\n            - configMapRef: {name: web}\n`),
    expected: [{ rule: "schema/unknown-field", line: 15, column: 11, message: 'spec.template.spec.containers[0].evnFrom: unknown field "evnFrom" (did you mean "envFrom"?)', suggestion: "envFrom" }],
  },
  {
    name: "volumns → volumes",
    yaml: deployment("", "", "      volumns: []\n"),
    expected: [{ rule: "schema/unknown-field", line: 12, column: 7, message: 'spec.template.spec.volumns: unknown field "volumns" (did you mean "volumes"?)', suggestion: "volumes" }],
  },
  {
    name: "completion → completions",
    yaml: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completion: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: busybox}]\n`,
    expected: [{ rule: "schema/unknown-field", line: 6, column: 3, message: 'spec.completion: unknown field "completion" (did you mean "completions"?)', suggestion: "completions" }],
  },
  {
    name: "imagee → image",
    yaml: deployment("").replace("image: nginx:1.27", "imagee: nginx:1.27"),
    expected: [{ rule: "schema/unknown-field", line: 14, column: 11, message: 'spec.template.spec.containers[0].imagee: unknown field "imagee" (did you mean "image"?)', suggestion: "image" }],
  },
  {
    name: "no field already written: imagee beside image",
    yaml: deployment(`          imagee: nginx\n`),
    expected: [{ rule: "schema/unknown-field", line: 15, column: 11, message: 'spec.template.spec.containers[0].imagee: unknown field "imagee"' }],
  },
  {
    name: "contianers → containers",
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  contianers:\n    - name: p\n      image: busybox\n`,
    // One problem: the typo also leaves spec.containers missing, which is not reported again.
    expected: [{ rule: "schema/unknown-field", line: 6, column: 3, message: 'spec.contianers: unknown field "contianers" (did you mean "containers"?)', suggestion: "containers" }],
  },
  {
    name: "replica → replicas",
    yaml: deployment("", "  replica: 3\n"),
    expected: [{ rule: "schema/unknown-field", line: 8, column: 3, message: 'spec.replica: unknown field "replica" (did you mean "replicas"?)', suggestion: "replicas" }],
  },
  {
    name: "a field in the wrong case",
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: p, image: busybox}]\n  volumes:\n    - name: c\n      ConfigMap: {name: c}\n`,
    expected: [
      { rule: "schema/unknown-field", line: 9, column: 7, message: 'spec.volumes[0].ConfigMap: unknown field "ConfigMap" (did you mean "configMap"?)', suggestion: "configMap" },
    ],
  },
  // --- schema/unknown-field: a known field at the wrong level ---
  {
    name: "type at the top of a Service belongs in spec",
    yaml: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\ntype: NodePort\nspec:\n  ports: [{port: 80}]\n`,
    expected: [{ rule: "schema/unknown-field", line: 5, column: 1, message: 'type: unknown field "type" (it belongs at spec.type)', suggestion: "spec.type" }],
  },
  {
    name: "volumes at the top of a Pod belongs in spec",
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nvolumes: []\nspec:\n  containers: [{name: p, image: busybox}]\n`,
    expected: [{ rule: "schema/unknown-field", line: 5, column: 1, message: 'volumes: unknown field "volumes" (it belongs at spec.volumes)', suggestion: "spec.volumes" }],
  },
  {
    name: "containers under a Deployment's spec belongs in the pod template",
    yaml: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  containers:\n    - name: web\n      image: nginx\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: nginx}]\n`,
    expected: [{ rule: "schema/unknown-field", line: 8, column: 3, message: 'spec.containers: unknown field "containers" (it belongs at spec.template.spec.containers)', suggestion: "spec.template.spec.containers" }],
  },
  {
    name: "replicas under the pod spec belongs in the Deployment's spec",
    yaml: deployment("", "", "      replicas: 3\n"),
    expected: [{ rule: "schema/unknown-field", line: 12, column: 7, message: 'spec.template.spec.replicas: unknown field "replicas" (it belongs at spec.replicas)', suggestion: "spec.replicas" }],
  },
  {
    name: "pod labels under the pod spec belong in the template's metadata",
    yaml: deployment("", "", "      labels: {tier: web}\n"),
    expected: [{ rule: "schema/unknown-field", line: 12, column: 7, message: 'spec.template.spec.labels: unknown field "labels" (it belongs at spec.template.metadata.labels)', suggestion: "spec.template.metadata.labels" }],
  },
  {
    name: "a container field keeps the container's index",
    yaml: deployment(`          resources:\n            volumeMounts: []\n`),
    expected: [{ rule: "schema/unknown-field", line: 16, column: 13, message: 'spec.template.spec.containers[0].resources.volumeMounts: unknown field "volumeMounts" (it belongs at spec.template.spec.containers[0].volumeMounts)', suggestion: "spec.template.spec.containers[0].volumeMounts" }],
  },
  {
    name: "no hop between sibling volume sources",
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: p, image: busybox}]\n  volumes:\n    - name: v\n      nfs: {server: s, path: /x, pool: fast}\n`,
    expected: [{ rule: "schema/unknown-field", line: 9, column: 34, message: 'spec.volumes[0].nfs.pool: unknown field "pool"' }],
  },
  // --- schema/type: YAML's traps ---
  {
    name: "False read as a boolean",
    yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  SSH: False\n`,
    expected: [{ rule: "schema/type", line: 6, column: 8, message: 'data.SSH: expected a string, got a boolean (YAML reads False as a boolean: quote it, "False")', suggestion: '"False"' }],
  },
  {
    name: "the same trap in a Secret: the value is never quoted",
    yaml: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  SSH: False\n  PIN: 8675309123\n`,
    expected: [
      { rule: "schema/type", line: 6, column: 8, message: "stringData.SSH: expected a string, got a boolean (YAML reads unquoted true/false, yes/no, on/off as booleans: quote the value)" },
      { rule: "schema/type", line: 7, column: 8, message: "stringData.PIN: expected a string, got a number (YAML reads an unquoted number as a number: quote the value as written)" },
    ],
  },
  {
    name: "yes and on are booleans in YAML 1.1",
    yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  ENABLED: yes\n  DEBUG: on\n`,
    expected: [
      { rule: "schema/type", line: 6, column: 12, message: 'data.ENABLED: expected a string, got a boolean (YAML reads yes as a boolean: quote it, "yes")', suggestion: '"yes"' },
      { rule: "schema/type", line: 7, column: 10, message: 'data.DEBUG: expected a string, got a boolean (YAML reads on as a boolean: quote it, "on")', suggestion: '"on"' },
    ],
  },
  {
    name: "without the source text, the boolean message stays generic",
    withSource: false,
    yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  ENABLED: no\n`,
    expected: [{ rule: "schema/type", line: 6, column: 12, message: "data.ENABLED: expected a string, got a boolean (YAML reads unquoted true/false, yes/no, on/off as booleans: quote the value)" }],
  },
  {
    name: "a number in an env value",
    yaml: deployment(`          env:\n            - name: PORT\n              value: 8080\n`),
    expected: [{ rule: "schema/type", line: 17, column: 22, message: 'spec.template.spec.containers[0].env[0].value: expected a string, got a number (YAML reads 8080 as a number: quote it, "8080")', suggestion: '"8080"' }],
  },
  {
    name: "a version number keeps its trailing zero",
    yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  VERSION: 1.10\n`,
    expected: [{ rule: "schema/type", line: 6, column: 12, message: 'data.VERSION: expected a string, got a number (YAML reads 1.10 as a number: quote it, "1.10")', suggestion: '"1.10"' }],
  },
  {
    name: "- port:9000 is a string",
    yaml: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port:9000\n`,
    expected: [{ rule: "schema/type", line: 7, column: 7, message: 'spec.ports[0]: expected an object, got a string "port:9000" (add a space after the colon: port: 9000)', suggestion: "port: 9000" }],
  },
  {
    name: "docker-compose style env entries",
    yaml: deployment(`          env:\n            - LOG_LEVEL=debug\n`),
    expected: [{ rule: "schema/type", line: 16, column: 15, message: 'spec.template.spec.containers[0].env[0]: expected an object, got a string "LOG_LEVEL=debug" (write it as {name: LOG_LEVEL, value: "debug"})', suggestion: '{name: LOG_LEVEL, value: "debug"}' }],
  },
  {
    name: "bare port numbers where port objects are expected",
    yaml: deployment(`          ports: [8080]\n`),
    expected: [{ rule: "schema/type", line: 15, column: 19, message: "spec.template.spec.containers[0].ports[0]: expected an object, got an integer (write it as containerPort: 8080)", suggestion: "containerPort: 8080" }],
  },
  {
    name: "a string where a list is expected",
    yaml: deployment(`          args: --verbose\n`),
    expected: [{ rule: "schema/type", line: 15, column: 17, message: 'spec.template.spec.containers[0].args: expected a list, got a string "--verbose" (write it as a list: ["--verbose"], or one "- item" per line)', suggestion: '["--verbose"]' }],
  },
  {
    name: "an object where a string is expected",
    yaml: deployment(`          command:\n            - echo\n            - status: ok\n`),
    expected: [{ rule: "schema/type", line: 17, column: 15, message: 'spec.template.spec.containers[0].command[1]: expected a string, got an object (YAML reads "key: value" as a mapping: quote the whole value)' }],
  },
  {
    name: "a quoted number where an integer is expected",
    yaml: deployment("", '  replicas: "3"\n'),
    expected: [{ rule: "schema/type", line: 8, column: 13, message: 'spec.replicas: expected an integer, got a string "3" (remove the quotes: 3)', suggestion: "3" }],
  },
  // --- schema/enum ---
  {
    name: "imagePullPolicy always",
    yaml: deployment(`          imagePullPolicy: always\n`),
    expected: [{ rule: "schema/enum", line: 15, column: 28, message: 'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never" (did you mean "Always"?)', suggestion: "Always" }],
  },
  {
    name: "restartPolicy keeps upstream's order",
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: OnFaliure\n  containers: [{name: p, image: busybox}]\n`,
    expected: [{ rule: "schema/enum", line: 6, column: 18, message: 'spec.restartPolicy: Unsupported value: "OnFaliure": supported values: "Always", "OnFailure", "Never" (did you mean "OnFailure"?)', suggestion: "OnFailure" }],
  },
  {
    name: "node selector operator ln → In",
    yaml: deployment("", "", "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - {key: zone, operator: ln, values: [a]}\n"),
    expected: [{ rule: "schema/enum", line: 17, column: 43, message: 'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "ln": not a valid selector operator (did you mean "In"?)', suggestion: "In" }],
  },
  {
    name: "a service type nothing is close to",
    yaml: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: Internal\n  ports: [{port: 80}]\n`,
    expected: [{ rule: "schema/enum", line: 6, column: 9, message: 'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' }],
  },
  {
    name: "protocol in lower case",
    yaml: deployment(`          ports:\n            - containerPort: 80\n              protocol: tcp\n`),
    expected: [{ rule: "schema/enum", line: 17, column: 25, message: 'spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP" (did you mean "TCP"?)', suggestion: "TCP" }],
  },
  {
    name: "an access mode in a list",
    yaml: `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOnce, ReadWriteMany, ReadWriteOne]\n  resources:\n    requests: {storage: 1Gi}\n`,
    expected: [{ rule: "schema/enum", line: 6, column: 47, message: 'spec.accessModes[2]: Unsupported value: "ReadWriteOne": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod" (did you mean "ReadWriteOnce"?)', suggestion: "ReadWriteOnce" }],
  },
  {
    name: "a LimitRange type must be standard or qualified",
    yaml: `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits:\n    - type: container\n      max: {cpu: "2"}\n`,
    expected: [{ rule: "schema/enum", line: 7, column: 13, message: 'spec.limits[0].type: Invalid value: "container": must be a standard limit type or fully qualified (did you mean "Container"?)', suggestion: "Container" }],
  },
  {
    name: "closed sets follow the release: Lt tolerations arrive in 1.35",
    version: "1.34",
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: p, image: busybox}]\n  tolerations:\n    - {key: gpu-count, operator: Lt, value: "4"}\n`,
    expected: [{ rule: "schema/enum", line: 8, column: 34, message: 'spec.tolerations[0].operator: Unsupported value: "Lt": supported values: "Equal", "Exists"' }],
  },
  {
    name: "closed sets follow the release: a container restartPolicy Never before 1.34",
    version: "1.33",
    yaml: deployment(`          restartPolicy: Never\n`),
    expected: [{ rule: "schema/enum", line: 15, column: 26, message: 'spec.template.spec.containers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"' }],
  },
  // --- schema/required ---
  {
    name: "a container without a name",
    yaml: deployment("").replace("        - name: web\n          image: nginx:1.27\n", "        - image: nginx:1.27\n"),
    expected: [{ rule: "schema/required", line: 13, column: 11, message: "spec.template.spec.containers[0].name: Required value" }],
  },
  {
    name: "null for a required field",
    yaml: deployment("").replace("name: web\n          image", "name: null\n          image"),
    expected: [{ rule: "schema/required", line: 13, column: 17, message: "spec.template.spec.containers[0].name: Required value" }],
  },
  {
    name: "an empty value where upstream wants one",
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  preemptionPolicy: ""\n  containers: [{name: p, image: busybox}]\n`,
    expected: [{ rule: "schema/required", line: 6, column: 21, message: "spec.preemptionPolicy: Required value" }],
  },
  {
    name: "an empty value upstream does not default",
    yaml: `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  volumeMode: ""\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests: {storage: 1Gi}\n`,
    expected: [{ rule: "schema/enum", line: 6, column: 15, message: 'spec.volumeMode: Unsupported value: "": supported values: "Block", "Filesystem"' }],
  },
  // --- schema/format ---
  {
    name: "an int32 out of range",
    yaml: deployment("", "  replicas: 3000000000\n"),
    expected: [{ rule: "schema/format", line: 8, column: 13, message: "spec.replicas: cannot unmarshal number 3000000000 into an int32 (range -2147483648 to 2147483647)" }],
  },
  {
    name: "Secret data that is not base64",
    yaml: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hunter2!\n`,
    expected: [{ rule: "schema/format", line: 6, column: 13, message: "data.password: illegal base64 data at input byte 7 (the value must be base64: encode it, or for a Secret put the plain text in stringData)" }],
  },
  {
    name: "a date that is not RFC 3339",
    yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: "2024-02-30 10:00"\n`,
    expected: [{ rule: "schema/format", line: 5, column: 22, message: 'metadata.creationTimestamp: expected an RFC 3339 date-time such as "2024-01-31T12:00:00Z", got "2024-02-30 10:00"' }],
  },
  {
    name: "256MB is not a quantity",
    yaml: deployment(`          resources:\n            limits:\n              memory: 256MB\n`),
    expected: [{ rule: "schema/format", line: 17, column: 23, message: `spec.template.spec.containers[0].resources.limits.memory: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'; did you mean "256M" or "256Mi"?`, suggestion: "256M" }],
  },
  {
    name: "2 Gi and 1.5.0 are not quantities",
    yaml: `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    requests.storage: 2 Gi\n    requests.cpu: 1.5.0\n`,
    expected: [
      { rule: "schema/format", line: 7, column: 23, message: `spec.hard[requests.storage]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'; did you mean "2Gi"?`, suggestion: "2Gi" },
      { rule: "schema/format", line: 8, column: 19, message: `spec.hard[requests.cpu]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'; did you mean "1.5"?`, suggestion: "1.5" },
    ],
  },
  {
    name: "an unknown suffix is upstream's suffix error",
    yaml: `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  capacity: {storage: 10K}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /data}\n`,
    expected: [{ rule: "schema/format", line: 6, column: 23, message: `spec.capacity.storage: unable to parse quantity's suffix; did you mean "10k" or "10Ki"?`, suggestion: "10k" }],
  },
  {
    name: "int-or-string given a boolean or an object",
    yaml: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - {port: 80, targetPort: true}\n    - port: 81\n      targetPort: {name: http}\n`,
    expected: [
      { rule: "schema/format", line: 7, column: 30, message: "spec.ports[0].targetPort: expected an integer or a string (int-or-string), got a boolean" },
      { rule: "schema/format", line: 9, column: 19, message: "spec.ports[1].targetPort: expected an integer or a string (int-or-string), got an object" },
    ],
  },
];

describe("schema messages", () => {
  test.each(VALID)("valid: $name", ({ yaml, version }) => {
    expect(findingsOf(yaml, version === undefined ? {} : { version })).toEqual([]);
  });

  test.each(INVALID)("invalid: $name", ({ yaml, expected, version, withSource }) => {
    const options: { version?: string; withSource?: boolean } = {};
    if (version !== undefined) options.version = version;
    if (withSource !== undefined) options.withSource = withSource;
    expect(findingsOf(yaml, options).map(brief)).toEqual(expected);
  });

  test("every finding is an error with a file, a path and a kubectl-style message prefix", () => {
    const [finding] = findingsOf(INVALID[0]!.yaml);
    expect(finding).toMatchObject({ severity: "error", file: "file.yaml", path: "/spec/ports/0/tartPort" });
  });
});
