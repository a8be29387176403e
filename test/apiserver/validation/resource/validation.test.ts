import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const claim = (apiVersion: string, ...devices: string[]) =>
  yaml(`apiVersion: resource.k8s.io/${apiVersion}`, "kind: ResourceClaim", "metadata: {name: gpu, namespace: ml}", "spec:", "  devices:", ...devices.map((l) => "    " + l));
const template = (...lines: string[]) => yaml("apiVersion: resource.k8s.io/v1", "kind: ResourceClaimTemplate", "metadata: {name: gpu-template, namespace: ml}", "spec:", ...lines.map((l) => "  " + l));
const deviceClass = (...spec: string[]) => yaml("apiVersion: resource.k8s.io/v1", "kind: DeviceClass", "metadata: {name: gpu.example.com}", "spec:", ...spec.map((l) => "  " + l));
const GPU = "{name: gpu, exactly: {deviceClassName: gpu.example.com}}";
/** Seven comprehensions over ten items nested: ten million iterations at worst. */
const NESTED_ALL = Array.from({ length: 7 }, (_, i) => `[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].all(v${i}, `).join("") + "v6.string().matches(\"^[0-9]+$\")" + ")".repeat(7);

describe("validateResourceClaim", () => {
  it.each([
    ["an exact request (allocation mode and count defaulted)", claim("v1", `requests: [${GPU}]`)],
    [
      "a request of several alternatives, a constraint and a configuration",
      claim(
        "v1",
        "requests:",
        "- name: gpu",
        "  firstAvailable:",
        "  - {name: big, deviceClassName: gpu.example.com, selectors: [{cel: {expression: 'device.capacity[\"gpu.example.com\"].memory.compareTo(quantity(\"40Gi\")) >= 0'}}]}",
        "  - {name: small, deviceClassName: gpu.example.com, allocationMode: ExactCount, count: 2}",
        "- {name: nic, exactly: {deviceClassName: nic.example.com, allocationMode: All, selectors: [{cel: {expression: 'device.driver == \"nic.example.com\"'}}]}}",
        "constraints: [{requests: [gpu/big, nic], matchAttribute: 'gpu.example.com/numa_node'}]",
        "config: [{requests: [gpu], opaque: {driver: gpu.example.com, parameters: {sharing: {strategy: TimeSlicing}}}}]",
      ),
    ],
    ["a v1beta1 request with flat fields", claim("v1beta1", "requests: [{name: gpu, deviceClassName: gpu.example.com, count: 2}]")],
    ["a v1beta2 request", claim("v1beta2", `requests: [${GPU}]`)],
    ["a selector on an attribute, of the unknown type", claim("v1", "requests: [{name: gpu, exactly: {deviceClassName: c, selectors: [{cel: {expression: 'device.attributes[\"gpu.example.com\"].fast'}}]}}]")],
    [
      "selectors that walk every attribute and capacity of a device, well within the cost limit",
      claim(
        "v1",
        "requests: [{name: gpu, exactly: {deviceClassName: c, selectors:",
        "  [{cel: {expression: 'device.attributes.all(d, device.attributes[d].all(a, string(device.attributes[d][a]).matches(\"^[a-z0-9.]*$\")))'}},",
        "   {cel: {expression: 'device.capacity.exists(d, device.capacity[d].exists(c, device.capacity[d][c].isGreaterThan(quantity(\"1Gi\"))))'}}]}}]",
      ),
    ],
    // Before 1.34 resource.k8s.io is not served by default: only the metadata is checked.
    ["an empty request in 1.33", claim("v1beta1", "requests: [{name: gpu}]"), "1.33"],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual([]);
  });

  it.each([
    [
      "a request without a kind of request, one with both",
      claim("v1", "requests: [{name: a}, {name: b, exactly: {deviceClassName: c}, firstAvailable: [{name: x, deviceClassName: c}]}]"),
      [
        "spec.devices.requests[0]: Required value: exactly one of `exactly` or `firstAvailable` is required",
        'spec.devices.requests[1]: Invalid value: "null": exactly one of `exactly` or `firstAvailable` is required, but multiple fields are set',
      ],
    ],
    [
      "bad request names, repeated",
      claim("v1", "requests: [{name: GPU, exactly: {deviceClassName: c}}, {name: gpu, exactly: {deviceClassName: c}}, {name: gpu, exactly: {deviceClassName: c}}]"),
      [
        "spec.devices.requests[0].name: Invalid value: \"GPU\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        'spec.devices.requests[2]: Duplicate value: "gpu"',
      ],
    ],
    [
      "a v1beta1 request with no class, reported under exactly",
      claim("v1beta1", "requests: [{name: gpu, allocationMode: All, count: 2}]"),
      ["spec.devices.requests[0].exactly.deviceClassName: Required value", "spec.devices.requests[0].exactly.count: Invalid value: 2: must not be specified when allocationMode is 'All'"],
    ],
    [
      "an unknown allocation mode, a count below one, a bad class name",
      claim("v1", "requests: [{name: a, exactly: {deviceClassName: Bad_Class, allocationMode: Some}}, {name: b, exactly: {deviceClassName: c, count: -1}}]"),
      [
        "spec.devices.requests[0].exactly.deviceClassName: Invalid value: \"Bad_Class\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'spec.devices.requests[0].exactly.allocationMode: Unsupported value: "Some": supported values: "All", "ExactCount"',
        "spec.devices.requests[1].exactly.count: Invalid value: -1: must be greater than zero",
      ],
    ],
    [
      "alternatives repeated, without a class, too many",
      claim("v1", "requests:", "- {name: a, firstAvailable: [{name: x}, {name: x, deviceClassName: c}]}", "- {name: b, firstAvailable: [" + Array.from({ length: 9 }, (_, i) => `{name: s${i}, deviceClassName: c}`).join(", ") + "]}"),
      [
        "spec.devices.requests[0].firstAvailable[0].deviceClassName: Required value",
        'spec.devices.requests[0].firstAvailable[1]: Duplicate value: "x"',
        "spec.devices.requests[1].firstAvailable: Too many: 9: must have at most 8 items",
      ],
    ],
    [
      "selectors without CEL, with CEL that does not compile or is not a bool",
      claim("v1", "requests: [{name: a, exactly: {deviceClassName: c, selectors: [{}, {cel: {expression: 'devices.driver == \"x\"'}}, {cel: {expression: 'device.driver + \"x\"'}}, {cel: {expression: '1'}}]}}]"),
      [
        "spec.devices.requests[0].exactly.selectors[0].cel: Required value",
        "spec.devices.requests[0].exactly.selectors[1].cel.expression: Invalid value: \"devices.driver == \\\"x\\\"\": compilation failed: ERROR: <input>:1:1: undeclared reference to 'devices' (in container '')\n | devices.driver == \"x\"\n | ^",
        // The driver is a string (the device is typed), so is the sum.
        'spec.devices.requests[0].exactly.selectors[2].cel.expression: Invalid value: "device.driver + \\"x\\"": must evaluate to bool or the unknown type, not string',
        'spec.devices.requests[0].exactly.selectors[3].cel.expression: Invalid value: "1": must evaluate to bool or the unknown type, not int',
      ],
    ],
    [
      "a selector expression and opaque parameters over 10 KiB",
      claim("v1", `requests: [{name: gpu, exactly: {deviceClassName: c, selectors: [{cel: {expression: '${"true && ".repeat(1300)}true'}}]}}]`, `config: [{opaque: {driver: d.example.com, parameters: {blob: '${"x".repeat(10240)}'}}}]`),
      ["spec.devices.requests[0].exactly.selectors[0].cel.expression: Too long: may not be more than 10240 bytes", "spec.devices.config[0].opaque.parameters: Too long: may not be more than 10240 bytes"],
    ],
    [
      "a selector whose worst-case cost is past CELSelectorExpressionMaxCost, in a claim and in a device class",
      yaml(
        claim("v1", `requests: [{name: gpu, exactly: {deviceClassName: c, selectors: [{cel: {expression: '${NESTED_ALL}'}}]}}]`),
        "---",
        deviceClass(`selectors: [{cel: {expression: '${NESTED_ALL}'}}]`),
      ),
      ["spec.devices.requests[0].exactly.selectors[0].cel.expression: Forbidden: too complex, exceeds cost limit", "spec.selectors[0].cel.expression: Forbidden: too complex, exceeds cost limit"],
    ],
    ["too many requests", claim("v1", "requests: [" + Array.from({ length: 33 }, (_, i) => `{name: r${i}, exactly: {deviceClassName: c}}`).join(", ") + "]"), ["spec.devices.requests: Too many: 33: must have at most 32 items"]],
    [
      "constraints naming unknown requests, without or with bad attributes",
      claim("v1", `requests: [${GPU}]`, "constraints:", "- {requests: [gpu, gpu, other, gpu/x/y]}", "- {matchAttribute: numa}", "- {matchAttribute: '/a'}", "- {matchAttribute: 'example.com/a-b'}"),
      [
        'spec.devices.constraints[0].requests[1]: Duplicate value: "gpu"',
        "spec.devices.constraints[0].requests[2]: Invalid value: \"other\": must be the name of a request in the claim or the name of a request and a subrequest separated by '/'",
        "spec.devices.constraints[0].requests[3]: Invalid value: \"gpu/x/y\": must be the name of a request in the claim or the name of a request and a subrequest separated by '/'",
        'spec.devices.constraints[0]: Required value: exactly one of "matchAttribute" or "distinctAttribute" is required, but multiple fields are set',
        'spec.devices.constraints[1].matchAttribute: Invalid value: "numa": a fully qualified name must be a domain and a name separated by a slash',
        'spec.devices.constraints[2].matchAttribute: Invalid value: "": the domain must not be empty',
        "spec.devices.constraints[3].matchAttribute: Invalid value: \"a-b\": a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')",
      ],
    ],
    [
      "configuration without opaque, without driver or parameters, with parameters not an object",
      claim("v1", `requests: [${GPU}]`, "config:", "- {requests: [gpu]}", "- {opaque: {}}", "- {opaque: {driver: gpu.example.com, parameters: [1]}}"),
      [
        "spec.devices.config[0].opaque: Required value",
        "spec.devices.config[1].opaque.driver: Required value",
        // ValidateCSIDriverName reports an empty name twice.
        "spec.devices.config[1].opaque.driver: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        "spec.devices.config[1].opaque.parameters: Required value",
        'spec.devices.config[2].opaque.parameters: Invalid value: "<value omitted>": must be a valid JSON object',
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });
});

describe("validateResourceClaimTemplate", () => {
  it("accepts a template with labels", () => {
    expect(createPathMessages(template("metadata: {labels: {app: ml}}", "spec:", `  devices: {requests: [${GPU}]}`))).toEqual([]);
  });

  it("reports a template annotation key that is not a qualified name", () => {
    expect(createPathMessages(template("metadata: {annotations: {'a b': x}}", "spec:", `  devices: {requests: [${GPU}]}`))).toEqual([
      "spec.metadata.annotations: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it("reports the template's metadata and its claim spec at their paths", () => {
    expect(createPathMessages(template("metadata: {name: claim}", "spec:", "  devices: {requests: [{name: gpu}]}")).sort()).toEqual(
      ["spec.metadata.name: Forbidden: cannot be set", "spec.spec.devices.requests[0]: Required value: exactly one of `exactly` or `firstAvailable` is required"].sort(),
    );
  });
});

describe("validateDeviceClass", () => {
  it.each([
    ["selectors and a configuration", deviceClass("selectors: [{cel: {expression: 'device.driver == \"gpu.example.com\"'}}]", "config: [{opaque: {driver: gpu.example.com, parameters: {a: 1}}}]")],
    ["no spec at all", yaml("apiVersion: resource.k8s.io/v1", "kind: DeviceClass", "metadata: {name: any}")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    [
      "a selector that is not a bool, a configuration without driver",
      deviceClass("selectors: [{cel: {expression: '\"x\"'}}]", "config: [{opaque: {driver: Bad_Driver, parameters: {}}}]"),
      [
        'spec.selectors[0].cel.expression: Invalid value: "\\"x\\"": must evaluate to bool or the unknown type, not string',
        "spec.config[0].opaque.driver: Invalid value: \"Bad_Driver\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
    ["too many selectors", deviceClass("selectors: [" + Array.from({ length: 33 }, () => "{cel: {expression: 'true'}}").join(", ") + "]"), ["spec.selectors: Too many: 33: must have at most 32 items"]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });
});

describe("device tolerations, capacity requests and distinct attributes, by their gates", () => {
  const exactly = (fields: string) => claim("v1", `requests: [{name: gpu, exactly: {deviceClassName: c, ${fields}}}]`);
  it.each([
    ["tolerations (an operator defaulted to Equal)", exactly("tolerations: [{key: example.com/unhealthy, operator: Exists, effect: NoExecute}, {key: k, value: v}, {operator: Exists}]")],
    ["capacity requests", exactly("capacity: {requests: {memory: 10Gi}}")],
    ["a constraint on a distinct attribute", claim("v1", `requests: [${GPU}]`, "constraints: [{distinctAttribute: 'gpu.example.com/uuid'}]")],
    // Before 1.36 DRADeviceTaints and DRAConsumableCapacity are off: their fields are dropped, never checked.
    ["tolerations that would be wrong, in 1.35", exactly("tolerations: [{key: 'a b', operator: Sometimes}]"), "1.35"],
    ["a v1beta1 request's tolerations that would be wrong, in 1.35", claim("v1beta1", "requests: [{name: gpu, deviceClassName: c, tolerations: [{operator: Sometimes}]}]"), "1.35"],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual([]);
  });

  it.each([
    [
      "tolerations with a bad key, a value with Exists, unknown operators and effects",
      exactly("tolerations: [{key: 'a b'}, {key: k, operator: Exists, value: v}, {operator: Sometimes, effect: Evict}, {key: k, value: 'a b'}]"),
      [
        "spec.devices.requests[0].exactly.tolerations[0].key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'spec.devices.requests[0].exactly.tolerations[1].value: Invalid value: "v": must be empty for operator `Exists`',
        'spec.devices.requests[0].exactly.tolerations[2].operator: Unsupported value: "Sometimes": supported values: "Equal", "Exists"',
        'spec.devices.requests[0].exactly.tolerations[2].effect: Unsupported value: "Evict": supported values: "NoExecute", "NoSchedule", "None"',
        "spec.devices.requests[0].exactly.tolerations[3].value: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    ],
    [
      "an alternative's toleration, at its path",
      claim("v1", "requests: [{name: gpu, firstAvailable: [{name: big, deviceClassName: c, tolerations: [{operator: Exists, value: v}]}]}]"),
      ['spec.devices.requests[0].firstAvailable[0].tolerations[0].value: Invalid value: "v": must be empty for operator `Exists`'],
    ],
    [
      "a constraint with neither attribute, one with a bad distinct attribute",
      claim("v1", `requests: [${GPU}]`, "constraints: [{requests: [gpu]}, {distinctAttribute: uuid}]"),
      [
        'spec.devices.constraints[0]: Required value: exactly one of "matchAttribute" or "distinctAttribute" is required, but multiple fields are set',
        'spec.devices.constraints[1].distinctAttribute: Invalid value: "uuid": a fully qualified name must be a domain and a name separated by a slash',
      ],
    ],
    [
      "in 1.35, a constraint on a distinct attribute only (dropped)",
      claim("v1", `requests: [${GPU}]`, "constraints: [{distinctAttribute: 'gpu.example.com/uuid'}]"),
      ["spec.devices.constraints[0].matchAttribute: Required value"],
      "1.35",
    ],
  ])("reports %s", (_name, text, expected, version = "1.36") => {
    expect(createPathMessages(text, version).sort()).toEqual([...expected].sort());
  });
});

describe("a DeviceClass's extended resource name, by its gate", () => {
  it.each([
    ["a domain-prefixed name", deviceClass("extendedResourceName: example.com/gpu"), "1.36"],
    // Before 1.36 DRAExtendedResource is off: the field is dropped.
    ["any name in 1.35", deviceClass("extendedResourceName: gpu"), "1.35"],
  ])("accepts %s", (_name, text, version) => {
    expect(createPathMessages(text, version)).toEqual([]);
  });

  it.each([
    ["a name without a domain", "gpu"],
    ["a kubernetes.io name", "kubernetes.io/gpu"],
    ["a requests. name", "requests.example.com/gpu"],
  ])("reports %s", (_name, name) => {
    expect(createPathMessages(deviceClass(`extendedResourceName: ${name}`))).toEqual([`spec.extendedResourceName: Invalid value: "${name}": must be a valid extended resource name`]);
  });
});
