// GetWarningsForPod and GetWarningsForPodTemplate (pkg/api/pod/warnings.go):
// what the API server accepts in a pod spec but warns about, in upstream's order.
import type { FieldWarning } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { obj } from "./fields.js";
import { warningsForHostAliases, warningsForNodeSelection, warningsForPodAffinity, warningsForVolumes } from "./scheduling-warnings.js";
import type { JsonRecord } from "../../../util/object-access.js";

/** warningsForPodSpecAndMeta: `specPath` is `spec` for a Pod, `<template>.spec` for a template. */
export function warningsForPodSpecAndMeta(spec: JsonRecord, specPath: FieldPath): FieldWarning[] {
  return [
    ...warningsForNodeSelection(spec, specPath),
    ...warningsForVolumes(spec, specPath),
    ...warningsForHostAliases(spec, specPath),
    ...warningsForPodAffinity(spec, specPath),
  ];
}

/** GetWarningsForPod. */
export function getWarningsForPod(pod: JsonRecord): FieldWarning[] {
  return warningsForPodSpecAndMeta(obj(pod, "spec") ?? {}, FieldPath.root("spec"));
}

/** GetWarningsForPodTemplate: `fldPath` is the template's path (`template`, `spec.template`). */
export function getWarningsForPodTemplate(template: JsonRecord, fldPath: FieldPath): FieldWarning[] {
  return warningsForPodSpecAndMeta(obj(template, "spec") ?? {}, fldPath.child("spec"));
}
