// volumeMounts and volumeDevices must name a volume of the pod (ValidateVolumeMounts,
// ValidateVolumeDevices); a StatefulSet's volumeClaimTemplates count as volumes.
import type { KubeObject, Report } from "../../types.js";
import type { Rule } from "../types.js";
import { notFound, scalarValue } from "../support/field-errors.js";
import { containersOf, podTemplatesOf, type PodTemplate } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { closest } from "../../util/suggest.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, dig, isRecord, stringOf } from "../../util/object-access.js";

function volumeNames(object: KubeObject, template: PodTemplate): Set<string> {
  const names = new Set<string>();
  for (const volume of arrayOf(template.spec.volumes)) {
    const name = isRecord(volume) ? stringOf(volume.name) : undefined;
    if (name) names.add(name);
  }
  if (object.kind === "StatefulSet" && apiGroup(object.apiVersion) === "apps") {
    for (const claim of arrayOf(dig(object, "spec", "volumeClaimTemplates"))) {
      const name = stringOf(dig(claim, "metadata", "name"));
      if (name) names.add(name);
    }
  }
  return names;
}

export const podVolumeMountUnknown: Rule = {
  id: "pod/volume-mount-unknown",
  severity: "error",
  description: "Every volumeMount and volumeDevice must name a volume of the pod (or a StatefulSet volumeClaimTemplate).",
  check(document) {
    const reports: Report[] = [];
    for (const template of podTemplatesOf(document.object)) {
      const volumes = volumeNames(document.object, template);
      for (const { path, container } of containersOf(template)) {
        for (const list of ["volumeMounts", "volumeDevices"] as const) {
          arrayOf(container[list]).forEach((mount, index) => {
            const name = isRecord(mount) ? stringOf(mount.name) : undefined;
            if (name === undefined || name === "" || volumes.has(name)) return;
            const at = [...path, list, index, "name"];
            const suggestion = closest(name, volumes);
            reports.push(reportAt(at, notFound(fieldPath(at), scalarValue(name)), suggestion ? { suggestion } : {}));
          });
        }
      }
    }
    return reports;
  },
};
