import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...spec.map((line) => "  " + line));
const container = (...lines: string[]) => pod("containers:", "- name: app", "  image: x", ...lines.map((line) => "  " + line));
const init = (...lines: string[]) => pod("containers: [{name: app, image: x}]", "initContainers:", "- name: init", "  image: x", ...lines.map((line) => "  " + line));
const template = (...spec: string[]) => yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", ...spec.map((line) => "    " + line));

describe("ValidateVolumeMounts and ValidateVolumeDevices", () => {
  it.each([
    ["mounts of the pod's volumes", container("volumeMounts: [{name: data, mountPath: /data, subPath: a/b}]").replace("spec:\n", "spec:\n  volumes: [{name: data}]\n")],
    ["a volumeDevice of a PVC volume", container("volumeDevices: [{name: raw, devicePath: /dev/xvda}]").replace("spec:\n", "spec:\n  volumes: [{name: raw, persistentVolumeClaim: {claimName: c}}]\n")],
    ["a recursively read-only mount", container("volumeMounts: [{name: d, mountPath: /d, readOnly: true, recursiveReadOnly: Enabled}]").replace("spec:\n", "spec:\n  volumes: [{name: d}]\n")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  // Upstream refused subPath in image volumes in 1.31 and 1.32 only, while ImageVolume was off (the volume dropped).
  it.each(["1.32", "1.35", "1.36"])("accepts a subPath and a subPathExpr into image volumes in %s", (version) => {
    const text = container("volumeMounts: [{name: img, mountPath: /a, subPath: bin}, {name: img, mountPath: /b, subPathExpr: $(POD)}]").replace(
      "spec:\n",
      "spec:\n  volumes: [{name: img, image: {reference: 'registry.example.com/tools:1.0', pullPolicy: IfNotPresent}}]\n",
    );
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    ["a mount of a volume the pod does not have", container("volumeMounts: [{name: data, mountPath: /data}]"), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ["an init container mount in a template", template("initContainers: [{name: init, image: x, volumeMounts: [{name: seed, mountPath: /seed}]}]", "containers: [{name: app, image: x}]"), ['template.spec.initContainers[0].volumeMounts[0].name: Not found: "seed"']],
    ["a volumeDevice of no volume", container("volumeDevices: [{name: disk, devicePath: /dev/x}]"), ['spec.containers[0].volumeDevices[0].name: Not found: "disk"']],
    [
      "two mounts at the same path",
      container("volumeMounts: [{name: a, mountPath: /data}, {name: b, mountPath: /data}]").replace("spec:\n", "spec:\n  volumes: [{name: a}, {name: b}]\n"),
      ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique'],
    ],
    ["an empty mountPath", container("volumeMounts: [{name: d, mountPath: ''}]").replace("spec:\n", "spec:\n  volumes: [{name: d}]\n"), ["spec.containers[0].volumeMounts[0].mountPath: Required value"]],
    [
      "an absolute subPath with backsteps",
      container("volumeMounts: [{name: d, mountPath: /d, subPath: /a/../b}]").replace("spec:\n", "spec:\n  volumes: [{name: d}]\n"),
      // Upstream names the list, not the mount.
      ['spec.containers[0].volumeMounts.subPath: Invalid value: "/a/../b": must be a relative path', 'spec.containers[0].volumeMounts.subPath: Invalid value: "/a/../b": must not contain \'..\''],
    ],
    [
      "subPath and subPathExpr together",
      container("volumeMounts: [{name: d, mountPath: /d, subPath: a, subPathExpr: $(POD)}]").replace("spec:\n", "spec:\n  volumes: [{name: d}]\n"),
      ['spec.containers[0].volumeMounts[0].subPathExpr: Invalid value: "$(POD)": subPathExpr and subPath are mutually exclusive'],
    ],
    [
      "recursiveReadOnly without readOnly",
      container("volumeMounts: [{name: d, mountPath: /d, recursiveReadOnly: IfPossible}]").replace("spec:\n", "spec:\n  volumes: [{name: d}]\n"),
      ["spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true"],
    ],
    [
      "Bidirectional propagation in an unprivileged container",
      container("volumeMounts: [{name: d, mountPath: /d, mountPropagation: Bidirectional}]").replace("spec:\n", "spec:\n  volumes: [{name: d}]\n"),
      ["spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers"],
    ],
    [
      "a block device from an emptyDir",
      container("volumeDevices: [{name: d, devicePath: /dev/x}]").replace("spec:\n", "spec:\n  volumes: [{name: d}]\n"),
      ['spec.containers[0].volumeDevices[0].name: Invalid value: "d": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("suggests the volume meant", () => {
    const text = container("volumeMounts:", "- {name: confg, mountPath: /etc/app}").replace("spec:\n", "spec:\n  volumes: [{name: config, configMap: {name: app}}]\n");
    expect(createPath(text)).toEqual([{ severity: "error", line: 10, column: 14, message: 'spec.containers[0].volumeMounts[0].name: Not found: "confg"', suggestion: "config" }]);
  });
});

describe("probes and lifecycle hooks", () => {
  it.each([
    ["one handler per probe and hook", container("ports: [{name: http, containerPort: 8080}]", "livenessProbe: {httpGet: {path: /, port: http}}", "readinessProbe: {tcpSocket: {port: 80}}", "startupProbe: {grpc: {port: 9000}}", "lifecycle: {preStop: {sleep: {seconds: 5}}, postStart: {exec: {command: [true]}}}")],
    ["zero timings (defaulted)", container("livenessProbe: {exec: {command: [true]}, periodSeconds: 0, timeoutSeconds: 0, successThreshold: 0, failureThreshold: 0}")],
    ["a readiness probe with a success threshold above 1", container("readinessProbe: {exec: {command: [true]}, successThreshold: 3}")],
    ["a sidecar init container with probes", init("restartPolicy: Always", "readinessProbe: {httpGet: {path: /, port: 80}}")],
    ["a probe naming a port the container does not declare (the API server checks only its syntax)", container("livenessProbe: {httpGet: {path: /, port: metrics}}")],
    ["a zero sleep from 1.33", container("lifecycle: {preStop: {sleep: {seconds: 0}}}")],
    ["an empty lifecycle", container("lifecycle: {}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a probe without handler", container("livenessProbe: {initialDelaySeconds: 5}"), "1.36", ["spec.containers[0].livenessProbe: Required value: must specify a handler type"]],
    ["a probe with two handlers", container("readinessProbe: {httpGet: {path: /ready, port: 8080}, tcpSocket: {port: 8080}}"), "1.36", ["spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type"]],
    ["a preStop hook without handler", container("lifecycle: {preStop: {}}"), "1.36", ["spec.containers[0].lifecycle.preStop: Required value: must specify a handler type"]],
    ["an exec without command", container("startupProbe: {exec: {}}"), "1.36", ["spec.containers[0].startupProbe.exec.command: Required value"]],
    ["a port of 0", container("livenessProbe: {httpGet: {path: /healthz, port: 0}}"), "1.36", ["spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive"]],
    ["a named port that is not an IANA name", container("readinessProbe: {tcpSocket: {port: admin_port}}"), "1.36", ['spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "admin_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ["a hook port over 65535", container("lifecycle: {preStop: {httpGet: {path: /stop, port: 99999}}}"), "1.36", ["spec.containers[0].lifecycle.preStop.httpGet.port: Invalid value: 99999: must be between 1 and 65535, inclusive"]],
    ["an unknown scheme", container("livenessProbe: {httpGet: {path: /, port: 80, scheme: TCP}}"), "1.36", ['spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "TCP": supported values: "HTTP", "HTTPS"']],
    [
      "a header name with a space",
      container("livenessProbe: {httpGet: {path: /, port: 80, httpHeaders: [{name: 'X Token', value: a}]}}"),
      "1.36",
      ["spec.containers[0].livenessProbe.httpGet.httpHeaders: Invalid value: \"X Token\": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"],
    ],
    ["a grpc port of 0", container("livenessProbe: {grpc: {port: 0}}"), "1.36", ["spec.containers[0].livenessProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive"]],
    [
      "negative timings and grace period",
      container("startupProbe: {tcpSocket: {port: 80}, periodSeconds: -1, successThreshold: -2, terminationGracePeriodSeconds: 0}"),
      "1.36",
      [
        "spec.containers[0].startupProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
        "spec.containers[0].startupProbe.successThreshold: Invalid value: -2: must be greater than or equal to 0",
        "spec.containers[0].startupProbe.successThreshold: Invalid value: -2: must be 1",
        "spec.containers[0].startupProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0",
      ],
    ],
    ["a readiness probe with its own grace period", container("readinessProbe: {exec: {command: [true]}, terminationGracePeriodSeconds: 10}"), "1.36", ["spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes"]],
    [
      "probes and hooks on an init container that runs to completion",
      init("livenessProbe: {exec: {command: [true]}}", "lifecycle: {postStart: {exec: {command: [true]}}}"),
      "1.36",
      ["spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always", "spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always"],
    ],
    ["an init container restart policy other than Always before 1.34", init("restartPolicy: OnFailure"), "1.33", ['spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
    ["a restart policy on a regular container before 1.34", container("restartPolicy: Always"), "1.33", ["spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"]],
    ["a sleep longer than the grace period", container("lifecycle: {preStop: {sleep: {seconds: 31}}}"), "1.36", ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30)"]],
    [
      "a zero sleep before 1.33",
      container("lifecycle: {preStop: {sleep: {seconds: 0}}}"),
      "1.32",
      ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."],
    ],
    ["a zero sleep in 1.31, before the hint at the gate", container("lifecycle: {postStart: {sleep: {seconds: 0}}}"), "1.31", ["spec.containers[0].lifecycle.postStart.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)"]],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });

  it("suggests a success threshold of 1 for a liveness probe", () => {
    expect(createPath(container("livenessProbe:", "  exec: {command: [true]}", "  successThreshold: 3"))).toEqual([
      { severity: "error", line: 10, column: 25, suggestion: "1", message: "spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1" },
    ]);
  });
});

describe("resource requirements", () => {
  const resources = (...lines: string[]) => container("resources:", ...lines.map((line) => "  " + line));
  // A Pod's requests default to its limits: both are checked.
  const both = (message: string) => [message.replace(".limits[", ".requests["), message];
  const STANDARD = "must be a standard resource type or fully qualified";
  const CONTAINERS = "must be a standard resource for containers";

  it.each([
    ["a request equal to its limit", resources("requests: {cpu: 500m, memory: 1Gi}", "limits: {cpu: '0.5', memory: 1024Mi}")],
    ["a limit without request (the request defaults to it)", resources("limits: {cpu: '2'}")],
    ["a request without limit", resources("requests: {cpu: '8'}")],
    ["hugepages with equal request and limit", resources("requests: {hugepages-2Mi: 100Mi, memory: 1Gi}", "limits: {hugepages-2Mi: 100Mi, memory: 1Gi}")],
    ["extended and kubernetes.io resources", resources("limits: {nvidia.com/gpu: 1, example.com/foo: 2, kubernetes.io/something: 1}")],
    ["a malformed quantity (a schema error)", resources("requests: {cpu: lots}", "limits: {cpu: '1'}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a cpu request above its limit", resources("requests: {cpu: '1'}", "limits: {cpu: 500m}"), "1.36", ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m']],
    ["hugepages requested below their limit", resources("requests: {hugepages-2Mi: 50Mi, memory: 1Gi}", "limits: {hugepages-2Mi: 100Mi, memory: 1Gi}"), "1.36", ['spec.containers[0].resources.requests: Invalid value: "50Mi": must be equal to hugepages-2Mi limit of 100Mi']],
    ["an extended resource requested without a limit", resources("requests: {nvidia.com/gpu: 1}"), "1.36", ["spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"]],
    ["a negative request", resources("requests: {memory: -1Gi}"), "1.36", ['spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0']],
    ["a fractional extended resource", resources("limits: {example.com/foo: 500m}"), "1.36", both('spec.containers[0].resources.limits[example.com/foo]: Invalid value: "500m": must be an integer')],
    ["huge pages alone", resources("limits: {hugepages-2Mi: 100Mi}"), "1.36", ["spec.containers[0].resources: Forbidden: HugePages require cpu or memory"]],
    ["huge pages that are not whole pages", resources("limits: {hugepages-2Mi: 3Mi, memory: 1Gi}"), "1.36", both('spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi')],
    ["a claim the pod does not declare", resources("claims: [{name: gpu}]"), "1.36", ['spec.containers[0].resources.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims which is empty']],
    ["a misspelt request", resources("requests: {memroy: 1Gi}"), "1.36", [`spec.containers[0].resources.requests[memroy]: Invalid value: "memroy": ${STANDARD}`, `spec.containers[0].resources.requests[memroy]: Invalid value: "memroy": ${CONTAINERS}`]],
    ["a misspelt request, printed without quotes by 1.32 and 1.33", resources("requests: {memroy: 1Gi}"), "1.33", [`spec.containers[0].resources.requests[memroy]: Invalid value: memroy: ${STANDARD}`, `spec.containers[0].resources.requests[memroy]: Invalid value: memroy: ${CONTAINERS}`]],
    ["a quota name in a container's requests", resources("requests: {requests.cpu: 100m}"), "1.31", [`spec.containers[0].resources.requests[requests.cpu]: Invalid value: "requests.cpu": ${CONTAINERS}`]],
    ["an extended resource written with the quota prefix", resources("limits: {requests.example.com/foo: 1}"), "1.36", both('spec.containers[0].resources.limits[requests.example.com/foo]: Invalid value: "requests.example.com/foo": doesn\'t follow extended resource name standard')],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });

  it("suggests the resource meant", () => {
    expect(createPath(resources("requests:", "  CPU: '1'")).map((finding) => finding.suggestion)).toEqual(["cpu", "cpu"]);
  });

  it("checks pod-level resources from 1.34", () => {
    const text = pod("resources: {limits: {cpu: '1'}}", "containers: [{name: app, image: x, resources: {limits: {cpu: '2'}}}]");
    expect(createPathMessages(text, "1.36")).toEqual([
      'spec.resources.requests[cpu]: Invalid value: "1": must be greater than or equal to aggregate container requests of 2',
      'spec.resources.containers[0][cpu].limits: Invalid value: "2": must be less than or equal to pod limits of 1',
    ]);
    expect(createPathMessages(text, "1.33")).toEqual([]);
  });

  const app = (resources: string) => `containers: [{name: app, image: x, resources: ${resources}}]`;
  it.each([
    ["cpu and memory covering the containers", pod("resources: {requests: {cpu: '1', memory: 1Gi}}", app("{requests: {cpu: 500m, memory: 512Mi}}"))],
    ["a pod-level cpu request while containers also request memory", pod("resources: {requests: {cpu: 100m}}", app("{requests: {cpu: 50m, memory: 1Gi}}"))],
    ["pod-level huge pages", pod("resources: {limits: {memory: 1Gi, hugepages-2Mi: 4Mi}}", app("{limits: {memory: 512Mi, hugepages-2Mi: 4Mi}}"))],
  ])("accepts pod-level resources: %s", (_name, text) => {
    expect(createPathMessages(text, "1.36")).toEqual([]);
  });

  it.each([
    ["a resource pods may not set", pod("resources: {requests: {example.com/gpu: '1'}, limits: {example.com/gpu: '1'}}", app("{}")), ['spec.resources.limits[example.com/gpu]: Unsupported value: "example.com/gpu": supported values: "cpu", "hugepages-", "memory"', 'spec.resources.requests[example.com/gpu]: Unsupported value: "example.com/gpu": supported values: "cpu", "hugepages-", "memory"']],
    ["a name that is not a resource (only that error)", pod("resources: {requests: {gpu: '1'}}", app("{}")), ['spec.resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified']],
    ["claims", pod("resources: {claims: [{name: c}]}", app("{}")), ["spec.resources.claims: Forbidden: claims may not be set for Resources at pod-level", 'spec.resources.claims[0]: Not found: "c": must be one of the names in pod.spec.resourceClaims which is empty']],
    ["a Windows pod (only that error)", pod("os: {name: windows}", "resources: {requests: {gpu: '1'}}", app("{}")), ["spec.resources: Forbidden: may not be set for a windows pod"]],
    [
      "huge pages below the containers' limits",
      pod("resources: {limits: {memory: 1Gi, hugepages-2Mi: 2Mi}}", app("{limits: {memory: 512Mi, hugepages-2Mi: 4Mi}}")),
      [
        'spec.resources.containers[0][hugepages-2Mi].limits: Invalid value: "4Mi": must be less than or equal to pod limits of 2Mi',
        'spec.resources.requests[hugepages-2Mi]: Invalid value: "2Mi": must be greater than or equal to aggregate container requests of 4Mi',
        'spec.resources.limits[hugepages-2Mi]: Invalid value: "2Mi": must be greater than or equal to aggregate container limits of 4Mi',
      ],
    ],
  ])("reports pod-level resources: %s", (_name, text, expected) => {
    expect(createPathMessages(text, "1.36").sort()).toEqual([...expected].sort());
  });
});

describe("resize policy", () => {
  it.each([
    ["an unknown resource", container("resizePolicy: [{resourceName: gpu, restartPolicy: NotRequired}]"), ['spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"']],
    ["a restart with restartPolicy Never", container("resizePolicy: [{resourceName: cpu, restartPolicy: RestartContainer}]").replace("spec:\n", "spec:\n  restartPolicy: Never\n"), ["spec.containers[0].resizePolicy: Invalid value: \"RestartContainer\": must be 'NotRequired' when `restartPolicy` is 'Never'"]],
    ["a resource twice", container("resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}, {resourceName: cpu, restartPolicy: NotRequired}]"), ['spec.containers[0].resizePolicy[1]: Duplicate value: "cpu"']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});
