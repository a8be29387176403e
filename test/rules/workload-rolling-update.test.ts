import { describe, expect, it } from "vitest";
import { workloadRollingUpdate } from "../../src/rules/workload/rolling-update.js";
import { brief, runRule, yaml } from "./helpers.js";

const deployment = (...strategy: string[]) =>
  yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  strategy:", ...strategy.map((l) => "    " + l));

const daemonSet = (...strategy: string[]) =>
  yaml("apiVersion: apps/v1", "kind: DaemonSet", "metadata: {name: d}", "spec:", "  updateStrategy:", ...strategy.map((l) => "    " + l));

describe("workload/rolling-update", () => {
  it.each([
    ["a Deployment without strategy (25% and 25%)", yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec: {replicas: 2}")],
    ["a Deployment that surges but never loses a pod", deployment("rollingUpdate: {maxSurge: 1, maxUnavailable: 0}")],
    ["a Deployment with maxUnavailable 0 (maxSurge defaults to 25%)", deployment("type: RollingUpdate", "rollingUpdate: {maxUnavailable: 0}")],
    ["a Deployment with percentages", deployment("rollingUpdate: {maxSurge: 100%, maxUnavailable: 50%}")],
    ["a Recreate Deployment", deployment("type: Recreate")],
    ["a Recreate Deployment with a null rollingUpdate", deployment("type: Recreate", "rollingUpdate: null")],
    ["a DaemonSet without update strategy (maxUnavailable 1)", yaml("apiVersion: apps/v1", "kind: DaemonSet", "metadata: {name: d}", "spec: {}")],
    ["a DaemonSet that surges with maxUnavailable 0", daemonSet("rollingUpdate: {maxSurge: 1, maxUnavailable: 0}")],
    ["an OnDelete DaemonSet", daemonSet("type: OnDelete", "rollingUpdate: {maxSurge: 0, maxUnavailable: 0}")],
    ["values of the wrong type (schema errors)", deployment("rollingUpdate: {maxSurge: [0], maxUnavailable: 0}")],
    ["a StatefulSet (not checked here)", yaml("apiVersion: apps/v1", "kind: StatefulSet", "metadata: {name: s}", "spec:", "  updateStrategy: {rollingUpdate: {maxUnavailable: 0}}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(workloadRollingUpdate, text)).toEqual([]);
  });

  it.each([
    [
      "a Deployment with maxSurge and maxUnavailable both 0",
      deployment("rollingUpdate:", "  maxSurge: 0", "  maxUnavailable: 0"),
      "1.36",
      [{ severity: "error", line: 8, column: 23, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0" }],
    ],
    [
      "both 0, one as a percentage, printed as JSON from 1.34",
      deployment("rollingUpdate:", "  maxSurge: 0%", "  maxUnavailable: 0"),
      "1.34",
      [{ severity: "error", line: 8, column: 23, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0" }],
    ],
    [
      "maxUnavailable above 100%, printed through String() before 1.34",
      deployment("rollingUpdate: {maxUnavailable: 120%}"),
      "1.33",
      [{ severity: "error", line: 6, column: 37, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 120%: must not be greater than 100%" }],
    ],
    [
      "maxUnavailable above 100%, printed as JSON from 1.34",
      deployment("rollingUpdate: {maxUnavailable: 120%}"),
      "1.36",
      [{ severity: "error", line: 6, column: 37, message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%' }],
    ],
    [
      "a percentage without its sign and a negative surge",
      deployment("rollingUpdate: {maxUnavailable: '25', maxSurge: -1}"),
      "1.36",
      [
        { severity: "error", line: 6, column: 37, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"25\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')" },
        { severity: "error", line: 6, column: 53, message: "spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0" },
      ],
    ],
    [
      "a Recreate Deployment with rollingUpdate settings",
      deployment("type: Recreate", "rollingUpdate: {maxSurge: 1}"),
      "1.36",
      [{ severity: "error", line: 7, column: 5, message: "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'" }],
    ],
    [
      "a DaemonSet that only sets maxSurge (maxUnavailable defaults to 1)",
      daemonSet("rollingUpdate:", "  maxSurge: 1"),
      "1.36",
      [{ severity: "error", line: 7, column: 17, message: "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero" }],
    ],
    [
      "a DaemonSet with maxUnavailable 0 and no surge",
      daemonSet("type: RollingUpdate", "rollingUpdate: {maxUnavailable: 0%}"),
      "1.36",
      [{ severity: "error", line: 7, column: 37, message: "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0" }],
    ],
    [
      "a DaemonSet surging above 100%",
      daemonSet("rollingUpdate: {maxSurge: 150%, maxUnavailable: 0}"),
      "1.36",
      [{ severity: "error", line: 6, column: 31, message: 'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "150%": must not be greater than 100%' }],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(brief(runRule(workloadRollingUpdate, text, { kubernetesVersion: version }))).toEqual(expected);
  });
});
