import { describe, expect, it } from "vitest";
import { createPath, createPathMessages } from "../../helpers.js";
import { CONTAINER, MISMATCH, valid, workload } from "./workloads.js";

const daemonSet = (...spec: string[]) => valid("apps/v1", "DaemonSet", ...spec);
/** A DaemonSet with the given update strategy lines (under `updateStrategy:`, from line 10). */
const withStrategy = (...strategy: string[]) => daemonSet("updateStrategy:", ...strategy.map((line) => "  " + line));

describe("validateDaemonSetSpec", () => {
  it.each([
    ["a minimal DaemonSet (maxUnavailable 1, no surge)", daemonSet()],
    ["a surge with maxUnavailable 0", withStrategy("rollingUpdate: {maxSurge: 1, maxUnavailable: 0}")],
    ["percentages", withStrategy("rollingUpdate: {maxSurge: 0%, maxUnavailable: 10%}")],
    ["OnDelete, whatever its rolling update says", withStrategy("type: OnDelete", "rollingUpdate: {maxSurge: 0, maxUnavailable: 0}")],
    ["a revision history limit of 0 and a minReadySeconds", daemonSet("revisionHistoryLimit: 0", "minReadySeconds: 5")],
    ["values of the wrong type (the schema layer's errors)", withStrategy("rollingUpdate: {maxSurge: [0], maxUnavailable: 0}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["only maxSurge (maxUnavailable defaults to 1)", withStrategy("rollingUpdate:", "  maxSurge: 1"), "1.36", [{ severity: "error", line: 11, column: 17, message: "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero", suggestion: "maxUnavailable: 0" }]],
    ["maxUnavailable 0 and no surge", withStrategy("type: RollingUpdate", "rollingUpdate: {maxUnavailable: 0%}"), "1.36", [{ severity: "error", line: 11, column: 37, message: "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0" }]],
    ["a surge above 100%", withStrategy("rollingUpdate: {maxSurge: 150%, maxUnavailable: 0}"), "1.36", [{ severity: "error", line: 10, column: 31, message: 'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "150%": must not be greater than 100%' }]],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPath(text, version)).toEqual(expected);
  });

  it.each([
    ["a negative minReadySeconds", daemonSet("minReadySeconds: -1"), "1.36", ["spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative revisionHistoryLimit", daemonSet("revisionHistoryLimit: -1"), "1.36", ["spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative maxUnavailable", withStrategy("rollingUpdate: {maxUnavailable: -1}"), "1.36", ["spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0"]],
    ["maxUnavailable above 100%", withStrategy("rollingUpdate: {maxUnavailable: 200%}"), "1.33", ["spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 200%: must not be greater than 100%"]],
    [
      "an unknown update strategy",
      withStrategy("type: Rolling"),
      "1.36",
      ['spec.updateStrategy: Unsupported value: {"Type":"Rolling","RollingUpdate":null}: supported values: "RollingUpdate", "OnDelete"'],
    ],
    [
      "an unknown update strategy, in Go syntax before 1.34",
      withStrategy("type: Rolling", "rollingUpdate: {maxSurge: 1}"),
      "1.30",
      [
        'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDaemonSet)(0x…)}: supported values: "RollingUpdate", "OnDelete"',
      ],
    ],
    ["no selector (nothing is selected)", workload("apps/v1", "DaemonSet", "template:", "  metadata: {labels: {app: agent}}", `  spec: {containers: [${CONTAINER}]}`), "1.36", [`spec.template.metadata.labels: Invalid value: {"app":"agent"}: ${MISMATCH}`]],
    ["an empty selector", workload("apps/v1", "DaemonSet", "selector: {}", "template:", "  metadata: {labels: {app: agent}}", `  spec: {containers: [${CONTAINER}]}`), "1.36", ["spec.selector: Invalid value: {}: empty selector is invalid for daemonset"]],
    [
      "a template that restarts on failure, with a deadline",
      workload("apps/v1", "DaemonSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: OnFailure, activeDeadlineSeconds: 5, containers: [${CONTAINER}]}`),
      "1.36",
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"', "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported"],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});
