import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";
import { LABEL_KEY_NAME } from "../../../rules/messages.js";

const limitRange = (...items: string[]) => yaml("apiVersion: v1", "kind: LimitRange", "metadata: {name: lr}", "spec:", "  limits:", ...items.map((item) => "  - " + item));

describe("validateLimitRange", () => {
  it.each([
    ["a Container item with every bound", limitRange("{type: Container, min: {cpu: 100m}, max: {cpu: '2'}, default: {cpu: 500m}, defaultRequest: {cpu: 200m}, maxLimitRequestRatio: {cpu: '4'}}")],
    ["a Container item with only a max (defaults follow it)", limitRange("{type: Container, max: {memory: 1Gi}}")],
    ["a Pod item with min and max", limitRange("{type: Pod, min: {cpu: 10m}, max: {cpu: '4'}}")],
    ["a PVC item with a storage maximum", limitRange("{type: PersistentVolumeClaim, max: {storage: 10Gi}}")],
    ["a qualified custom type", limitRange("{type: example.com/thing, max: {example.com/widgets: '3'}}")],
    ["a ratio equal to max/min", limitRange("{type: Container, min: {cpu: 500m}, max: {cpu: '2'}, maxLimitRequestRatio: {cpu: '4'}}")],
    ["huge pages with equal default and request", limitRange("{type: Container, default: {hugepages-2Mi: 4Mi}, defaultRequest: {hugepages-2Mi: 4Mi}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["an unknown type", limitRange("{type: Node, max: {cpu: '1'}}"), ['spec.limits[0].type: Invalid value: "Node": must be a standard limit type or fully qualified']],
    ["a type that is not a qualified name", limitRange("{type: 'my type'}"), [`spec.limits[0].type: Invalid value: "my type": ${LABEL_KEY_NAME}`]],
    ["one type twice", limitRange("{type: Container, max: {cpu: '1'}}", "{type: Container, max: {memory: 1Gi}}"), ['spec.limits[1].type: Duplicate value: "Container"']],
    ["a default on a Pod item", limitRange("{type: Pod, default: {cpu: '1'}, defaultRequest: {cpu: '1'}}"), [
      "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
      "spec.limits[0].defaultRequest: Forbidden: may not be specified when `type` is 'Pod'",
    ]],
    ["a resource containers do not have", limitRange("{type: Container, max: {pods: '1'}}"), [
      'spec.limits[0].default[pods]: Invalid value: "pods": must be a standard resource for containers',
      'spec.limits[0].defaultRequest[pods]: Invalid value: "pods": must be a standard resource for containers',
      'spec.limits[0].max[pods]: Invalid value: "pods": must be a standard resource for containers',
    ]],
    ["a PVC item without storage bounds", limitRange("{type: PersistentVolumeClaim, max: {requests.storage: 1Gi}}"), ["spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided"]],
    ["min above max", limitRange("{type: Pod, min: {cpu: '2'}, max: {cpu: '1'}}"), ['spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1']],
    ["min above the default request", limitRange("{type: Container, min: {memory: 1Gi}, defaultRequest: {memory: 512Mi}, default: {memory: 2Gi}}"), [
      'spec.limits[0].defaultRequest[memory]: Invalid value: "512Mi": min value 1Gi is greater than default request value 512Mi',
    ]],
    ["a default request above max", limitRange("{type: Container, max: {cpu: '1'}, default: {cpu: '1'}, defaultRequest: {cpu: '2'}}"), [
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "2": default request value 2 is greater than max value 1',
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "2": default request value 2 is greater than default limit value 1',
    ]],
    ["min above the default", limitRange("{type: Container, min: {cpu: '2'}, default: {cpu: '1'}, defaultRequest: {cpu: '2'}}"), [
      'spec.limits[0].default[cpu]: Invalid value: "2": min value 2 is greater than default value 1',
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "2": default request value 2 is greater than default limit value 1',
    ]],
    ["a default above max", limitRange("{type: Container, max: {cpu: '1'}, default: {cpu: '2'}, defaultRequest: {cpu: 500m}}"), ['spec.limits[0].default[cpu]: Invalid value: "1": default value 2 is greater than max value 1']],
    ["a ratio under 1", limitRange("{type: Container, maxLimitRequestRatio: {cpu: 500m}}"), ['spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "500m": ratio 500m is less than 1']],
    ["a ratio above max/min", limitRange("{type: Pod, min: {cpu: '1'}, max: {cpu: '3'}, maxLimitRequestRatio: {cpu: '4'}}"), ['spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "4": ratio 4 is greater than max/min = 3.000000']],
    ["huge pages with different default and request", limitRange("{type: Container, default: {hugepages-2Mi: 4Mi}, defaultRequest: {hugepages-2Mi: 2Mi}}"), [
      'spec.limits[0].defaultRequest[hugepages-2Mi]: Invalid value: "2Mi": default value 4Mi must equal to defaultRequest value 2Mi in hugepages-2Mi',
    ]],
  ])("reports %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });

  it("prints quantities and resource names as each release does", () => {
    const text = limitRange("{type: Container, max: {pods: '1'}, min: {cpu: '2'}, default: {cpu: '1'}, defaultRequest: {cpu: '1'}}");
    expect(createPathMessages(text, "1.33")).toContain("spec.limits[0].max[pods]: Invalid value: pods: must be a standard resource for containers");
    expect(createPathMessages(text, "1.31")).toContain('spec.limits[0].default[cpu]: Invalid value: "2": min value 2 is greater than default value 1');
  });
});
