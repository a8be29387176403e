import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const quota = (...spec: string[]) => yaml("apiVersion: v1", "kind: ResourceQuota", "metadata: {name: q}", "spec:", ...spec.map((line) => "  " + line));

describe("validateResourceQuota", () => {
  it.each([
    ["standard hard limits", quota("hard: {requests.cpu: '2', limits.memory: 4Gi, pods: '10', services.nodeports: '0'}")],
    ["a qualified resource", quota("hard: {count/deployments.apps: '5', requests.example.com/gpu: '2'}")],
    ["huge pages", quota("hard: {requests.hugepages-2Mi: 1Gi}")],
    ["a pod scope over pod resources", quota("hard: {pods: '3', requests.cpu: '1'}", "scopes: [NotTerminating]")],
    ["BestEffort over pods", quota("hard: {pods: '3'}", "scopes: [BestEffort]")],
    ["a scope selector", quota("hard: {pods: '3'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: PriorityClass, operator: In, values: [high]}")],
    ["Exists on a scope that allows only Exists", quota("hard: {pods: '3'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: Terminating, operator: Exists}")],
    ["a status (cleared on create)", yaml("apiVersion: v1", "kind: ResourceQuota", "metadata: {name: q}", "status: {hard: {pods: '-1'}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["an unknown resource, in upstream's order", quota("hard: {widgets: '1'}"), [
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource type or fully qualified',
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource for quota',
    ]],
    ["a resource the quota system does not track", quota("hard: {storage: 1Gi}"), ['spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota']],
    ["a negative value", quota("hard: {requests.cpu: '-1'}"), ['spec.hard[requests.cpu]: Invalid value: "-1": must be greater than or equal to 0']],
    ["a fractional count", quota("hard: {pods: 1500m}"), ['spec.hard[pods]: Invalid value: "1500m": must be an integer']],
    ["an unsupported scope", quota("hard: {pods: '1'}", "scopes: [Forever]"), ['spec.scopes: Invalid value: ["Forever"]: unsupported scope']],
    ["a pod scope over a resource it does not limit", quota("hard: {services: '1'}", "scopes: [Terminating]"), ['spec.scopes: Invalid value: ["Terminating"]: unsupported scope applied to resource']],
    ["conflicting scopes", quota("hard: {pods: '1'}", "scopes: [BestEffort, NotBestEffort]"), ['spec.scopes: Invalid value: ["BestEffort","NotBestEffort"]: conflicting scopes']],
    ["a scope over a resource it does not limit, and conflicting scopes: in upstream's order", quota("hard: {cpu: '1'}", "scopes: [BestEffort, NotBestEffort]"), [
      'spec.scopes: Invalid value: ["BestEffort","NotBestEffort"]: unsupported scope applied to resource',
      'spec.scopes: Invalid value: ["BestEffort","NotBestEffort"]: conflicting scopes',
    ]],
    ["the same in a scope selector, in upstream's order", quota("hard: {cpu: '1'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: BestEffort, operator: Exists}", "  - {scopeName: NotBestEffort, operator: Exists}"), [
      'spec.scopeSelector.matchExpressions: Invalid value: {"MatchExpressions":[{"ScopeName":"BestEffort","Operator":"Exists","Values":null},{"ScopeName":"NotBestEffort","Operator":"Exists","Values":null}]}: unsupported scope applied to resource',
      "spec.scopeSelector.matchExpressions: Invalid value: null: conflicting scopes",
    ]],
    ["In without values", quota("hard: {pods: '1'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: PriorityClass, operator: In}"), [
      "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
    ]],
    ["Exists with values", quota("hard: {pods: '1'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: PriorityClass, operator: Exists, values: [a]}"), [
      "spec.scopeSelector.matchExpressions.values: Invalid value: [\"a\"]: must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector",
    ]],
    ["In on a scope that allows only Exists", quota("hard: {pods: '1'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: BestEffort, operator: In, values: [a]}"), [
      "spec.scopeSelector.matchExpressions.operator: Invalid value: \"In\": must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
    ]],
    ["an unknown operator", quota("hard: {pods: '1'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: PriorityClass, operator: Gt, values: [a]}"), [
      'spec.scopeSelector.matchExpressions.operator: Invalid value: "Gt": not a valid selector operator',
    ]],
  ])("reports %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });

  it("follows the release for scopes and wording", () => {
    const vac = quota("hard: {persistentvolumeclaims: '1'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: VolumeAttributesClass, operator: In, values: [gold]}");
    expect(createPathMessages(vac, "1.33")).toEqual([]);
    expect(createPathMessages(vac, "1.32")).toEqual(['spec.scopeSelector.matchExpressions.scopeName: Invalid value: "VolumeAttributesClass": unsupported scope']);
    const notExists = quota("hard: {pods: '1'}", "scopeSelector:", "  matchExpressions:", "  - {scopeName: Terminating, operator: In, values: [a]}");
    expect(createPathMessages(notExists, "1.30")[0]).toContain("must be 'Exist' when scope");
  });
});
