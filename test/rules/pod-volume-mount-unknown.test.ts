import { describe, expect, it } from "vitest";
import { podVolumeMountUnknown } from "../../src/rules/pod/volume-mount-unknown.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...specLines.map((l) => "  " + l));

describe("pod/volume-mount-unknown", () => {
  it.each([
    ["mounts of the pod's volumes", pod("containers:", "- name: app", "  image: x", "  volumeMounts: [{name: data, mountPath: /data}]", "volumes: [{name: data, emptyDir: {}}]")],
    [
      "a StatefulSet mount of a volumeClaimTemplate",
      yaml("apiVersion: apps/v1", "kind: StatefulSet", "metadata: {name: db}", "spec:", "  template:", "    spec:", "      containers: [{name: db, image: x, volumeMounts: [{name: data, mountPath: /d}]}]", "  volumeClaimTemplates:", "  - metadata: {name: data}"),
    ],
    ["a volumeDevice of a PVC volume", pod("containers: [{name: app, image: x, volumeDevices: [{name: raw, devicePath: /dev/xvda}]}]", "volumes: [{name: raw, persistentVolumeClaim: {claimName: c}}]")],
    ["malformed mounts", pod("containers: [{name: app, volumeMounts: [1, {name: 2}, {mountPath: /x}]}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podVolumeMountUnknown, text)).toEqual([]);
  });

  it.each([
    [
      "a mount of a volume the pod does not have",
      pod("containers:", "- name: app", "  image: x", "  volumeMounts:", "  - {name: data, mountPath: /data}"),
      [{ severity: "error", line: 9, column: 14, message: 'spec.containers[0].volumeMounts[0].name: Not found: "data"' }],
    ],
    [
      "a misspelt volume name",
      pod("containers:", "- name: app", "  image: x", "  volumeMounts:", "  - {name: confg, mountPath: /etc/app}", "volumes:", "- {name: config, configMap: {name: app}}"),
      [{ severity: "error", line: 9, column: 14, message: 'spec.containers[0].volumeMounts[0].name: Not found: "confg"', suggestion: "config" }],
    ],
    [
      "an init container mount in a Deployment",
      yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web}", "spec:", "  template:", "    spec:", "      initContainers:", "      - name: init", "        volumeMounts: [{name: seed, mountPath: /seed}]", "      containers: [{name: app}]"),
      [{ severity: "error", line: 9, column: 31, message: 'spec.template.spec.initContainers[0].volumeMounts[0].name: Not found: "seed"' }],
    ],
    [
      "a CronJob volumeDevice",
      yaml("apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", "  jobTemplate:", "    spec:", "      template:", "        spec:", "          containers: [{name: a, volumeDevices: [{name: disk, devicePath: /dev/x}]}]"),
      [{ severity: "error", line: 9, column: 57, message: 'spec.jobTemplate.spec.template.spec.containers[0].volumeDevices[0].name: Not found: "disk"' }],
    ],
    [
      "an ephemeral container mount in a Pod",
      pod("containers: [{name: app}]", "ephemeralContainers:", "- name: debug", "  volumeMounts: [{name: logs, mountPath: /logs}]"),
      [{ severity: "error", line: 8, column: 27, message: 'spec.ephemeralContainers[0].volumeMounts[0].name: Not found: "logs"' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podVolumeMountUnknown, text))).toEqual(expected);
  });
});
