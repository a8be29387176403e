import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { LABEL, SUBDOMAIN } from "../../../rules/messages.js";

/** A Pod whose spec is the given lines. */
const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...spec.map((line) => "  " + line));
/** A Pod with one container `app` whose fields are the given lines. */
const container = (...lines: string[]) => pod("containers:", "- name: app", "  image: x", ...lines.map((line) => "  " + line));
/** A Pod whose container reads A from a file (`fileKeyRef` as given), beside emptyDir, plain and configMap volumes. */
const envFile = (fileKeyRef: string) =>
  pod("volumes: [{name: envs, emptyDir: {}}, {name: plain}, {name: config, configMap: {name: c}}]", "containers:", "- name: app", "  image: x", `  env: [{name: A, valueFrom: {fileKeyRef: ${fileKeyRef}}}]`);
/** A PodTemplate whose pod spec is the given lines. */
const template = (...spec: string[]) => yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", ...spec.map((line) => "    " + line));

describe("validateContainerCommon: names and images", () => {
  it.each([
    ["DNS-1123 container names", pod("containers: [{name: app, image: nginx}]", "initContainers: [{name: init-1, image: busybox}]")],
    ["a template image with surrounding spaces (only a Pod's are checked)", template("containers: [{name: app, image: ' nginx '}]")],
    ["a Service (no pods)", yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec: {ports: [{port: 80}]}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a capitalised container name", pod("containers: [{name: App, image: nginx}]"), [`spec.containers[0].name: Invalid value: "App": ${LABEL}`]],
    ["a dotted init container name", pod("containers: [{name: app, image: x}]", "initContainers: [{name: init.db, image: busybox}]"), ['spec.initContainers[0].name: Invalid value: "init.db": must not contain dots']],
    ["an empty container name", pod("containers: [{name: '', image: nginx}]"), ["spec.containers[0].name: Required value"]],
    ["a template container without image", template("containers: [{name: app, ports: [{containerPort: 80}]}]"), ["template.spec.containers[0].image: Required value"]],
    ["an init container with an empty image", pod("initContainers: [{name: init, image: ''}]", "containers: [{name: app, image: x}]"), ["spec.initContainers[0].image: Required value"]],
    ["an unknown termination message policy", container("terminationMessagePolicy: Always"), ['spec.containers[0].terminationMessagePolicy: Unsupported value: "Always": supported values: "File", "FallbackToLogsOnError"']],
    ["an unknown pull policy", container("imagePullPolicy: Sometimes"), ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("reports a Pod image with a trailing space, with the trimmed image", () => {
    expect(createPath(pod("containers:", "- name: app", "  image: 'nginx:1.27 '"))).toEqual([
      { severity: "error", line: 7, column: 12, suggestion: "nginx:1.27", message: 'spec.containers[0].image: Invalid value: "nginx:1.27 ": must not have leading or trailing whitespace' },
    ]);
  });
});

describe("validateContainerPorts and host ports", () => {
  it.each([
    ["IANA service names and ports in range", container("ports:", "- {name: http, containerPort: 1, hostPort: 65535}", "- {name: abcdefghijklmno, containerPort: 8080}", "- {containerPort: 81}")],
    ["the same containerPort with different protocols", container("ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]")],
    ["the same hostPort on two init containers (they run one by one)", pod("containers: [{name: app, image: x}]", "initContainers:", "- {name: a, image: x, ports: [{containerPort: 1, hostPort: 8080}]}", "- {name: b, image: x, ports: [{containerPort: 2, hostPort: 8080}]}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a containerPort over 65535", container("ports: [{containerPort: 70000}]"), ["spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]],
    ["a containerPort of 0", container("ports: [{containerPort: 0}]"), ["spec.containers[0].ports[0].containerPort: Required value"]],
    ["a negative hostPort", container("ports: [{containerPort: 80, hostPort: -1}]"), ["spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive"]],
    ["an unknown protocol", container("ports: [{containerPort: 80, protocol: HTTP}]"), ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ["a port name without letters", container('ports: [{name: "8080", containerPort: 8080}]'), ['spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)']],
    ["two ports with the same name", container("ports: [{name: http, containerPort: 80}, {name: http, containerPort: 8080}]"), ['spec.containers[0].ports[1].name: Duplicate value: "http"']],
    [
      "the same hostPort on two containers",
      pod("containers:", "- {name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]}", "- {name: b, image: x, ports: [{containerPort: 81, hostPort: 8080}]}"),
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it.each([
    ["a 16-character name", "abcdefghijklmnop", ["must be no more than 15 characters"], "abcdefghijklmno"],
    ["a name with capitals and a double dash", "Web--UI", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must not contain consecutive hyphens"], "web-ui"],
    ["a name ending with a dash", "http-", ["must not begin or end with a hyphen"], "http"],
  ])("reports %s with the nearest valid name", (_name, name, details, suggestion) => {
    const findings = createPath(container("ports:", `- {name: ${name}, containerPort: 80}`));
    expect(findings).toEqual(details.map((detail) => ({ severity: "error", line: 9, column: 14, suggestion, message: `spec.containers[0].ports[0].name: Invalid value: "${name}": ${detail}` })));
  });
});

describe("ValidateEnv and ValidateEnvFrom", () => {
  it.each([
    ["literal values and single sources", container("env:", "- {name: A, value: a}", "- {name: B, valueFrom: {secretKeyRef: {name: s, key: k}}}", "- {name: C, value: '', valueFrom: {fieldRef: {fieldPath: metadata.name}}}")],
    ["envFrom with one source each", container("envFrom: [{configMapRef: {name: c}}, {prefix: X_, secretRef: {name: s}}]")],
    ["relaxed names from 1.32", container("env: [{name: '1st var', value: a}]")],
    ["labels and annotations by key", container("env:", "- {name: A, valueFrom: {fieldRef: {fieldPath: \"metadata.labels['app']\"}}}", "- {name: B, valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['Example.com/x']\"}}}")],
    ["a variable read from a file of an emptyDir volume", envFile("{volumeName: envs, path: config/app.env, key: 'DB.url', optional: true}")],
    ["a fileKeyRef volume without source (an emptyDir by default)", envFile("{volumeName: plain, path: a.env, key: A}")],
    ["resource fields with divisors", container("env: [{name: A, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}, {name: B, valueFrom: {resourceFieldRef: {resource: requests.hugepages-2Mi}}}]")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a value together with valueFrom", container("env: [{name: DB, value: changeme, valueFrom: {secretKeyRef: {name: db, key: password}}}]"), "1.36", ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']],
    ["a valueFrom without source", container("env: [{name: A, valueFrom: {}}]"), "1.36", ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`']],
    ["a valueFrom without source before EnvFiles (1.35)", container("env: [{name: A, valueFrom: {}}]"), "1.34", ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`']],
    // 1.34 drops fileKeyRef while EnvFiles is off: nothing is left.
    ["a fileKeyRef in 1.34", envFile("{volumeName: envs, path: a.env, key: A}"), "1.34", ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`']],
    ["a fileKeyRef with nothing set", envFile("{volumeName: '', path: '', key: ''}"), "1.36", [
      "spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Required value",
      'spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Not found: ""',
      "spec.containers[0].env[0].valueFrom.fileKeyRef.path: Required value",
      "spec.containers[0].env[0].valueFrom.fileKeyRef.key: Required value",
    ]],
    ["a fileKeyRef key with `=`, a path with `..`", envFile("{volumeName: envs, path: ../a.env, key: 'A=B'}"), "1.36", [
      "spec.containers[0].env[0].valueFrom.fileKeyRef.path: Invalid value: \"../a.env\": must not contain '..'",
      'spec.containers[0].env[0].valueFrom.fileKeyRef.key: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
    ]],
    ["a fileKeyRef volume name that is no DNS label", envFile("{volumeName: Env_Files, path: a.env, key: A}"), "1.36", [
      `spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Invalid value: "Env_Files": ${LABEL}`,
      'spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Not found: "Env_Files"',
    ]],
    ["a fileKeyRef of a volume the pod does not have", envFile("{volumeName: other, path: a.env, key: A}"), "1.36", ['spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Not found: "other"']],
    ["a fileKeyRef of a configMap volume", envFile("{volumeName: config, path: a.env, key: A}"), "1.36", ['spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Invalid value: "config": referenced volume must be of type emptyDir']],
    ["a fileKeyRef beside a secretKeyRef", envFile("{volumeName: envs, path: a.env, key: A}, secretKeyRef: {name: s, key: k}"), "1.36", ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time']],
    ["a valueFrom with two sources", container("env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: k}, secretKeyRef: {name: s, key: k}}}]"), "1.36", ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time']],
    ["an empty name", container("env: [{name: '', value: a}]"), "1.36", ["spec.containers[0].env[0].name: Required value"]],
    ["a name with `=`", container("env: [{name: 'A=B', value: a}]"), "1.36", ['spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'']],
    [
      "a name starting with a digit before 1.32",
      container("env: [{name: 1ST, value: a}]"),
      "1.31",
      ["spec.containers[0].env[0].name: Invalid value: \"1ST\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"],
    ],
    ["a name of .. before 1.32", container("env: [{name: '..', value: a}]"), "1.31", ["spec.containers[0].env[0].name: Invalid value: \"..\": must not be '..'"]],
    ["an unsupported field path", container("env: [{name: A, valueFrom: {fieldRef: {fieldPath: spec.hostname}}}]"), "1.36", ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: "spec.hostname": error converting fieldPath: field label not supported: spec.hostname']],
    [
      "a field path the environment cannot use",
      container("env: [{name: A, valueFrom: {fieldRef: {fieldPath: status.phase}}}]"),
      "1.36",
      ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"'],
    ],
    ["a subscript of a field without keys", container("env: [{name: A, valueFrom: {fieldRef: {fieldPath: \"metadata.name['x']\"}}}]"), "1.36", ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.name['x']\": error converting fieldPath: field label does not support subscript: metadata.name['x']"]],
    ["an unsupported resource", container("env: [{name: A, valueFrom: {resourceFieldRef: {resource: limits.gpu}}}]"), "1.36", ['spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"']],
    ["a cpu divisor of 1Ki", container("env: [{name: A, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1Ki}}}]"), "1.36", ['spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor\'s values 1m and 1 are supported with the cpu resource']],
    ["a secret key ref without key and with a bad name", container("env: [{name: A, valueFrom: {secretKeyRef: {name: My_Secret}}}]"), "1.36", ["spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value", `spec.containers[0].env[0].valueFrom.secretKeyRef.name: Invalid value: "My_Secret": ${SUBDOMAIN}`]],
    ["a config map key ref without name: an empty name is no DNS subdomain", container("env: [{name: A, valueFrom: {configMapKeyRef: {key: k}}}]"), "1.36", [`spec.containers[0].env[0].valueFrom.configMapKeyRef.name: Invalid value: "": ${SUBDOMAIN}`]],
    ["the same in 1.30", container("env: [{name: A, valueFrom: {configMapKeyRef: {key: k}}}]"), "1.30", [`spec.containers[0].env[0].valueFrom.configMapKeyRef.name: Invalid value: "": ${SUBDOMAIN}`]],
    ["a config map key with a slash", container("env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: a/b}}}]"), "1.36", ["spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
    [
      "envFrom entries with no source and with two",
      container("envFrom:", "- prefix: X_", "- {configMapRef: {name: c}, secretRef: {name: s}}"),
      "1.36",
      // Both name the list: the same place, in upstream's order.
      ['spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`', 'spec.containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time'],
    ],
    ["an envFrom without a name", container("envFrom: [{configMapRef: {name: ''}}]"), "1.36", ["spec.containers[0].envFrom[0].configMapRef.name: Required value"]],
    ["an envFrom prefix with `=`", container("envFrom: [{prefix: 'A=', secretRef: {name: s}}]"), "1.36", ['spec.containers[0].envFrom[0].prefix: Invalid value: "A=": a valid environment variable name must consist only of printable ASCII characters other than \'=\'']],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });

  it("places a valueFrom error at its value", () => {
    expect(createPath(container("env:", "- name: A", "  valueFrom: {}"))).toEqual([
      { severity: "error", line: 10, column: 18, message: 'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`' },
    ]);
  });
});
