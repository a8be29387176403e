import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { LABEL_KEY_NAME } from "../../../rules/messages.js";

const coreEvent = (...lines: string[]) => yaml("apiVersion: v1", "kind: Event", "metadata: {name: e, namespace: shop}", ...lines);
const eventsV1 = (...lines: string[]) => yaml("apiVersion: events.k8s.io/v1", "kind: Event", "metadata: {name: e, namespace: shop}", ...lines);
/** What a new-style event reports (the involved object in the event's namespace). */
const REPORTED = ["reportingController: example.com/operator", "reportingInstance: operator-0", "action: Reconcile", "reason: Synced"];

describe("ValidateEventCreate", () => {
  it.each([
    ["an old-style v1 event in its object's namespace", coreEvent("involvedObject: {kind: Pod, name: p, namespace: shop}", "reason: Started", "count: 3", "firstTimestamp: '2024-01-01T00:00:00Z'")],
    ["an old-style event about a cluster-scoped object in default", yaml("apiVersion: v1", "kind: Event", "metadata: {name: e, namespace: default}", "involvedObject: {kind: Node, name: n}")],
    ["a new-style v1 event (reportingComponent is the controller)", coreEvent("involvedObject: {kind: Pod, name: p, namespace: shop}", "eventTime: '2024-01-01T00:00:00.000000Z'", "reportingComponent: example.com/operator", "reportingInstance: operator-0", "action: Reconcile", "reason: Synced")],
    ["an events.k8s.io/v1 event", eventsV1("regarding: {kind: Pod, name: p, namespace: shop}", "eventTime: '2024-01-01T00:00:00.000000Z'", "type: Normal", "series: {count: 2, lastObservedTime: '2024-01-01T00:01:00.000000Z'}", ...REPORTED)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["an involved object in another namespace", coreEvent("involvedObject: {kind: Pod, name: p, namespace: other}"), ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']],
    ["an old-style event about a cluster-scoped object outside default", coreEvent("involvedObject: {kind: Node, name: n}"), ['involvedObject.namespace: Invalid value: "": does not match event.namespace']],
    [
      "a new-style event without reporter, action or reason",
      coreEvent("involvedObject: {kind: Pod, name: p, namespace: shop}", "eventTime: '2024-01-01T00:00:00.000000Z'"),
      ["reportingController: Required value", `reportingController: Invalid value: "": name part must be non-empty`, `reportingController: Invalid value: "": ${LABEL_KEY_NAME}`, "reportingInstance: Required value", "action: Required value", "reason: Required value"],
    ],
    [
      "a new-style event with a reason over 128 bytes",
      coreEvent("involvedObject: {kind: Pod, name: p, namespace: shop}", "eventTime: '2024-01-01T00:00:00.000000Z'", "reportingComponent: c", "reportingInstance: i", "action: a", `reason: ${"r".repeat(129)}`),
      ['reason: Invalid value: "": can have at most 128 characters'],
    ],
    [
      "an events.k8s.io/v1 event with the old API's fields and a bad type",
      eventsV1("regarding: {kind: Pod, name: p, namespace: shop}", "eventTime: '2024-01-01T00:00:00.000000Z'", "type: Info", "deprecatedCount: 2", "deprecatedSource: {component: kubelet}", ...REPORTED),
      ['count: Invalid value: "": needs to be unset', 'source: Invalid value: "": needs to be unset', 'type: Invalid value: "": has invalid value: Info'],
    ],
    [
      "an events.k8s.io/v1 series of one",
      eventsV1("regarding: {kind: Pod, name: p, namespace: shop}", "eventTime: '2024-01-01T00:00:00.000000Z'", "type: Normal", "series: {count: 1, lastObservedTime: '2024-01-01T00:01:00.000000Z'}", ...REPORTED),
      ['series.count: Invalid value: "": should be at least 2'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});
