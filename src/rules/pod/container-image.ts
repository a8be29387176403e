// Every container, init and ephemeral container needs an image
// (validateContainerCommon), in pods and pod templates alike; a Pod's images
// must not start or end with whitespace (validateContainerOnlyForPod, which
// upstream skips for templates so as not to break existing ones).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, required, scalarValue } from "../support/field-errors.js";
import { containersOf, podTemplatesOf, type ContainerRef } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";

/** Go's strings.TrimSpace: Unicode white space at both ends. */
function trimSpace(text: string): string {
  return text.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "");
}

function imageReports({ path, container }: ContainerRef, isPod: boolean): Report[] {
  const image = container.image;
  const at = [...path, "image"];
  if (image === undefined || image === null || image === "") return [reportAt(at, required(fieldPath(at)), { atKey: image !== undefined })];
  if (typeof image !== "string" || !isPod) return [];
  const trimmed = trimSpace(image);
  if (trimmed === image) return [];
  return [reportAt(at, invalid(fieldPath(at), scalarValue(image), "must not have leading or trailing whitespace"), trimmed ? { suggestion: trimmed } : {})];
}

export const podContainerImage: Rule = {
  id: "pod/container-image",
  severity: "error",
  description: "Every container, init container and ephemeral container must name an image; a Pod's images must not have leading or trailing whitespace.",
  check(document) {
    const isPod = document.object.kind === "Pod";
    return podTemplatesOf(document.object).flatMap((template) => containersOf(template).flatMap((ref) => imageReports(ref, isPod)));
  },
};
