import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const slice = (...spec: string[]) => yaml("apiVersion: resource.k8s.io/v1", "kind: ResourceSlice", "metadata: {name: node-1-gpu}", "spec:", ...spec.map((l) => "  " + l));
const BASE = ["driver: gpu.example.com", "pool: {name: node-1, resourceSliceCount: 1}"];
const ON_NODE = [...BASE, "nodeName: node-1"];
/** A slice on node-1 with the given lines under its one device `gpu-0`. */
const device = (...lines: string[]) => slice(...ON_NODE, "devices:", "- name: gpu-0", ...lines.map((l) => "  " + l));
const DNS_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const C_IDENTIFIER =
  "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')";

describe("validateResourceSlice", () => {
  it.each([
    [
      "devices with attributes and capacity on one node",
      device("attributes: {model: {string: a100}, 'gpu.example.com/driverVersion': {version: 1.2.3-rc.1+build.5}, cores: {int: 108}, mig: {bool: false}}", "capacity: {memory: {value: 40Gi}}"),
    ],
    ["a pool for all nodes, a pool name with slashes", slice("driver: nic.example.com", "pool: {name: rack-1/row.2, resourceSliceCount: 2, generation: 3}", "allNodes: true")],
    ["a pool for the nodes of one selector term", slice(...BASE, "nodeSelector: {nodeSelectorTerms: [{matchExpressions: [{key: rack, operator: In, values: ['1']}]}]}")],
    [
      "shared counters in a slice of their own",
      slice(...BASE, "allNodes: true", "sharedCounters: [{name: gpu-0-counters, counters: {memory: {value: 40Gi}}}]"),
    ],
    [
      "devices on their own nodes, consuming counters, tainted, with binding conditions",
      slice(
        ...BASE,
        "perDeviceNodeSelection: true",
        "devices:",
        "- {name: a, nodeName: node-1, consumesCounters: [{counterSet: set-0, counters: {memory: {value: 10Gi}}}], taints: [{key: example.com/unhealthy, effect: NoSchedule}]}",
        "- {name: b, allNodes: true, bindingConditions: [example.com/ready], bindingFailureConditions: [example.com/failed]}",
      ),
    ],
    [
      "a shareable device's request policies",
      device(
        "allowMultipleAllocations: true",
        "capacity:",
        "  memory: {value: 40Gi, requestPolicy: {default: 10Gi, validValues: [10Gi, 20Gi, 40Gi]}}",
        "  bandwidth: {value: '100', requestPolicy: {default: '10', validRange: {min: '10', max: '100', step: '10'}}}",
      ),
    ],
    // Before 1.36 partitionable devices are off: the fields are dropped, not checked.
    ["counters that would be wrong, in 1.35", slice(...ON_NODE, "sharedCounters: [{name: Bad}]"), "1.35"],
    // resource.k8s.io is not served by default before 1.34: metadata only.
    ["an empty slice in 1.33", yaml("apiVersion: resource.k8s.io/v1beta1", "kind: ResourceSlice", "metadata: {name: s}", "spec: {}"), "1.33"],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual([]);
  });

  it.each([
    [
      "no driver, pool or node selection",
      slice("pool: {}"),
      [
        "spec.driver: Required value",
        `spec.driver: Invalid value: "": ${DNS_SUBDOMAIN}`,
        "spec.pool.name: Required value",
        "spec.pool.resourceSliceCount: Invalid value: 0: must be greater than zero",
        "spec: Required value: exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required",
      ],
    ],
    [
      "a bad pool name, a negative generation",
      slice("driver: gpu.example.com", "pool: {name: Node_1/x, resourceSliceCount: 1, generation: -1}", "nodeName: node-1"),
      [`spec.pool.name: Invalid value: "Node_1": ${DNS_SUBDOMAIN}`, "spec.pool.generation: Invalid value: -1: must be greater than or equal to zero"],
    ],
    [
      "two node selections, empty or false ones",
      slice(...BASE, "nodeName: node-1", "allNodes: true", "perDeviceNodeSelection: false"),
      [
        'spec.perDeviceNodeSelection: Invalid value: false: must be either unset or set to true',
        'spec: Invalid value: "{`nodeName`, `allNodes`}": exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required, but multiple fields are set',
      ],
    ],
    [
      "an empty node name, a false allNodes",
      slice(...BASE, "nodeName: ''", "allNodes: false"),
      [
        'spec.nodeName: Invalid value: "": must be either unset or set to a non-empty string',
        "spec.allNodes: Invalid value: false: must be either unset or set to true",
        "spec: Required value: exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required",
      ],
    ],
    [
      "a node selector with two terms",
      slice(...BASE, "nodeSelector: {nodeSelectorTerms: [{matchExpressions: [{key: a, operator: Exists}]}, {matchFields: [{key: metadata.name, operator: In, values: [node-2]}]}]}"),
      [
        'spec.nodeSelector.nodeSelectorTerms: Invalid value: [{"MatchExpressions":[{"Key":"a","Operator":"Exists","Values":null}],"MatchFields":null},{"MatchExpressions":null,"MatchFields":[{"Key":"metadata.name","Operator":"In","Values":["node-2"]}]}]: must have exactly one node selector term',
      ],
    ],
    [
      "device names bad and repeated",
      slice(...ON_NODE, "devices: [{name: GPU}, {name: gpu}, {name: gpu}]"),
      [`spec.devices[0].name: Invalid value: "GPU": ${DNS_LABEL}`, 'spec.devices[2]: Duplicate value: "gpu"'],
    ],
    ["too many devices", slice(...ON_NODE, "devices: [" + Array.from({ length: 129 }, (_, i) => `{name: d${i}}`).join(", ") + "]"), ["spec.devices: Too many: 129: must have at most 128 items"]],
    [
      "more than 64 devices when one is tainted",
      slice(...ON_NODE, "devices: [{name: t, taints: [{key: k, effect: NoSchedule}]}, " + Array.from({ length: 64 }, (_, i) => `{name: d${i}}`).join(", ") + "]"),
      ["spec.devices: Too many: 65: must have at most 64 items"],
    ],
    [
      "attributes without a value, with two, with bad names and values",
      device("attributes: {none: {}, two: {int: 1, bool: true}, 'a-b': {int: 1}, '/x': {int: 1}, 'a/b/c': {int: 1}, long: {string: '" + "x".repeat(65) + "'}, v: {version: '1.2'}}"),
      [
        'spec.devices[0].attributes[none]: Invalid value: "": exactly one value must be specified',
        'spec.devices[0].attributes[two]: Invalid value: {"IntValue":1,"BoolValue":true,"StringValue":null,"VersionValue":null,"IntValues":null,"BoolValues":null,"StringValues":null,"VersionValues":null}: exactly one value must be specified',
        `spec.devices[0].attributes: Invalid value: "a-b": ${C_IDENTIFIER}`,
        'spec.devices[0].attributes: Invalid value: "": the domain must not be empty',
        'spec.devices[0].attributes: Invalid value: "a/b/c": must not contain more than one slash',
        "spec.devices[0].attributes[long].string: Too long: may not be more than 64 bytes",
        'spec.devices[0].attributes[v].version: Invalid value: "1.2": must be a string compatible with semver.org spec 2.0.0',
      ],
    ],
    [
      "an attribute with two values in 1.35: the internal attribute has no lists yet",
      device("attributes: {two: {string: x, version: 1.2.3}}"),
      ['spec.devices[0].attributes[two]: Invalid value: {"IntValue":null,"BoolValue":null,"StringValue":"x","VersionValue":"1.2.3"}: exactly one value must be specified'],
      "1.35",
    ],
    [
      "more than 32 attributes and capacities",
      device("attributes: {" + Array.from({ length: 20 }, (_, i) => `a${i}: {int: ${i}}`).join(", ") + "}", "capacity: {" + Array.from({ length: 13 }, (_, i) => `c${i}: {value: '1'}`).join(", ") + "}"),
      ["spec.devices[0]: Invalid value: 33: the total number of attributes and capacities must not exceed 32"],
    ],
    [
      "a list attribute, whose gate is off",
      device("attributes: {models: {strings: [a100]}}"),
      ['spec.devices[0].attributes[models]: Invalid value: "": exactly one value must be specified'],
    ],
    [
      "taints with bad keys, values and effects",
      device("taints: [{key: 'a b', effect: NoSchedule}, {key: k, value: 'a b', effect: Evict}, {key: k}]"),
      [
        "spec.devices[0].taints[0].key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        "spec.devices[0].taints[1].value: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        'spec.devices[0].taints[1].effect: Unsupported value: "Evict": supported values: "NoExecute", "NoSchedule", "None"',
        "spec.devices[0].taints[2].effect: Required value",
      ],
    ],
    ["too many taints", device("taints: [" + Array.from({ length: 17 }, (_, i) => `{key: k${i}, effect: None}`).join(", ") + "]"), ["spec.devices[0].taints: Too many: 17: must have at most 16 items"]],
    [
      "more than two counter consumptions",
      slice(...ON_NODE, "devices:", "- {name: a, consumesCounters: [{counterSet: a, counters: {m: {value: '1'}}}, {counterSet: b, counters: {m: {value: '1'}}}, {counterSet: c, counters: {m: {value: '1'}}}]}"),
      ["spec.devices[0].consumesCounters: Too many: 3: must have at most 2 items"],
    ],
    [
      "one counter set consumed twice",
      slice(...ON_NODE, "devices:", "- {name: a, consumesCounters: [{counterSet: s, counters: {m: {value: '1'}}}, {counterSet: s, counters: {n: {value: '1'}}}]}"),
      ['spec.devices[0].consumesCounters[1]: Duplicate value: "s"'],
    ],
    [
      "counter consumption without a set, a bad counter name, no counters",
      slice(...ON_NODE, "devices:", "- {name: a, consumesCounters: [{counters: {Memory: {value: '1'}}}, {counterSet: s}]}"),
      [
        "spec.devices[0].consumesCounters[0].counterSet: Required value",
        `spec.devices[0].consumesCounters[0].counters: Invalid value: "Memory": ${DNS_LABEL}`,
        "spec.devices[0].consumesCounters[1].counters: Required value",
      ],
    ],
    [
      "shared counter sets with bad or repeated names, together with devices",
      slice(...ON_NODE, "devices: []", "sharedCounters: [{name: Set, counters: {m: {value: '1'}}}, {name: s, counters: {}}, {name: s, counters: {m: {value: '1'}}}]"),
      [
        'spec: Invalid value: "": only one of `sharedCounters` or `devices` is allowed',
        `spec.sharedCounters[0].name: Invalid value: "Set": ${DNS_LABEL}`,
        "spec.sharedCounters[1].counters: Required value",
        'spec.sharedCounters[2]: Duplicate value: "s"',
      ],
    ],
    [
      "device node fields without perDeviceNodeSelection",
      device("nodeName: node-2"),
      ['spec.devices[0]: Invalid value: null: `nodeName`, `nodeSelector` and `allNodes` can only be set if `perDeviceNodeSelection` is set to true in the ResourceSlice spec'],
    ],
    [
      "per-device node selection missing, doubled, empty",
      slice(...BASE, "perDeviceNodeSelection: true", "devices: [{name: a}, {name: b, nodeName: node-2, allNodes: true}, {name: c, nodeName: ''}]"),
      [
        "spec.devices[0]: Required value: exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec",
        'spec.devices[1]: Invalid value: "{`nodeName`, `allNodes`}": exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec',
        'spec.devices[2].nodeName: Invalid value: "": must not be empty',
        "spec.devices[2]: Required value: exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec",
      ],
    ],
    [
      "binding conditions repeated, overlapping, alone",
      slice(...ON_NODE, "devices:", "- {name: a, bindingConditions: [r, r], bindingFailureConditions: [r]}", "- {name: b, bindingFailureConditions: [f]}"),
      [
        'spec.devices[0].bindingConditions[1]: Duplicate value: "r"',
        'spec.devices[0].bindingFailureConditions[0]: Invalid value: "r": bindingFailureConditions must not overlap with bindingConditions',
        "spec.devices[1].bindingConditions: Invalid value: null: bindingConditions are required to use bindingFailureConditions",
      ],
    ],
    [
      "a request policy on a device that cannot be shared",
      device("capacity: {memory: {value: 40Gi, requestPolicy: {default: 1Gi}}}"),
      ["spec.devices[0].capacity[memory].requestPolicy: Forbidden: allowMultipleAllocations must be true"],
    ],
    [
      "valid values and a range together, values without a default",
      device("allowMultipleAllocations: true", "capacity:", "  a: {value: '10', requestPolicy: {default: '1', validValues: ['1'], validRange: {min: '1'}}}", "  b: {value: '10', requestPolicy: {validValues: ['1']}}", "  c: {value: '10', requestPolicy: {validRange: {min: '1'}}}"),
      [
        'spec.devices[0].capacity[a].requestPolicy: Forbidden: exactly one policy can be specified, cannot specify "validValues" and "validRange" at the same time',
        "spec.devices[0].capacity[b].requestPolicy.default: Required value: required when validValues is defined",
        "spec.devices[0].capacity[c].requestPolicy.default: Required value: required when validRange is defined",
      ],
    ],
    [
      "valid values unsorted, repeated, over the capacity, without the default",
      device("allowMultipleAllocations: true", "capacity: {memory: {value: 40Gi, requestPolicy: {default: 5Gi, validValues: [20Gi, 10Gi, 10Gi, 80Gi]}}}"),
      [
        'spec.devices[0].capacity[memory].requestPolicy.validValues[1]: Invalid value: "10Gi": values must be sorted in ascending order',
        'spec.devices[0].capacity[memory].requestPolicy.validValues[2]: Duplicate value: "10737418240"',
        'spec.devices[0].capacity[memory].requestPolicy.validValues[3]: Invalid value: "80Gi": option is larger than capacity value: 40Gi',
        'spec.devices[0].capacity[memory].requestPolicy.validValues: Invalid value: "5Gi": default value is not valid according to the requestPolicy',
      ],
    ],
    [
      "a range whose bounds, default and step do not fit",
      device(
        "allowMultipleAllocations: true",
        "capacity:",
        "  a: {value: '10', requestPolicy: {default: '1', validRange: {min: '20', max: '5', step: '0'}}}",
        "  b: {value: '10', requestPolicy: {default: '4', validRange: {min: '1', max: '8', step: '2'}}}",
        "  c: {value: '10', requestPolicy: {default: '1', validRange: {}}}",
      ),
      [
        'spec.devices[0].capacity[a].requestPolicy.validRange.min: Invalid value: "20": min is larger than capacity value: 10',
        'spec.devices[0].capacity[a].requestPolicy.validRange.default: Invalid value: "1": default is less than min: 20',
        'spec.devices[0].capacity[a].requestPolicy.validRange.max: Invalid value: "20": min is larger than max: 5',
        'spec.devices[0].capacity[a].requestPolicy.validRange.step: Invalid value: "0": must be greater than zero',
        'spec.devices[0].capacity[b].requestPolicy.validRange.step: Invalid value: "4": value is not a multiple of a given step (2) from (1)',
        'spec.devices[0].capacity[b].requestPolicy.validRange.step: Invalid value: "8": value is not a multiple of a given step (2) from (1)',
        "spec.devices[0].capacity[c].requestPolicy.validRange.min: Required value: required when validRange is defined",
      ],
    ],
    [
      "v1beta1 devices, checked as the server converts them",
      yaml("apiVersion: resource.k8s.io/v1beta1", "kind: ResourceSlice", "metadata: {name: s}", "spec:", ...ON_NODE.map((l) => "  " + l), "  devices: [{name: a, basic: {attributes: {x: {}}}}]"),
      ['spec.devices[0].attributes[x]: Invalid value: "": exactly one value must be specified'],
    ],
    [
      "in 1.35, a slice that selects its nodes per device only (the field is dropped)",
      slice(...BASE, "perDeviceNodeSelection: true"),
      ["spec: Required value: exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required"],
      "1.35",
    ],
  ])("reports %s", (_name, text, expected, version = "1.36") => {
    expect(createPathMessages(text, version).sort()).toEqual([...expected].sort());
  });
});

describe("ResourceSlice warnings on create", () => {
  const withDriver = (driver: string) => slice(`driver: ${driver}`, "pool: {name: node-1, resourceSliceCount: 1}", "nodeName: node-1");
  it.each([
    ["an upper-case driver name (1.35 on)", withDriver("GPU.Example.com"), "1.35", [{ severity: "warning", line: 5, column: 11, message: 'spec.driver: driver names should be lowercase; "GPU.Example.com" contains uppercase characters' }]],
    ["an upper-case driver name in 1.34", withDriver("GPU.Example.com"), "1.34", []],
    ["a lower-case driver name", withDriver("gpu.example.com"), "1.36", []],
  ])("%s", (_name, text, version, expected) => {
    expect(createPath(text, version).map(({ severity, line, column, message }) => ({ severity, line, column, message }))).toEqual(expected);
  });
});
