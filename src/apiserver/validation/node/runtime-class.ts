// RuntimeClass validation (pkg/apis/node/validation/validation.go:
// ValidateRuntimeClass, validateOverhead, validateScheduling, validateTolerations),
// after ObjectMeta.
import { nameIsDNSLabel } from "../../apimachinery/generic.js";
import { validateLabels } from "../../apimachinery/meta-v1-validation.js";
import { duplicate, invalid, PrintedValue, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, isSet, list, obj, str } from "../core/fields.js";
import { podValidationOptions } from "../core/pod-options.js";
import { validateOverhead } from "../core/resources.js";
import { validateTolerations } from "../core/tolerations.js";
import { pointerField, printedFor, scalarField, structField } from "../../field/values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** A core.Toleration as a bad value. */
function tolerationValue(toleration: JsonRecord, kubernetesVersion: string): PrintedValue {
  const seconds = int(toleration, "tolerationSeconds");
  const value = structField("core.Toleration", [
    ["Key", scalarField(str(toleration, "key"))],
    ["Operator", scalarField(str(toleration, "operator"))],
    ["Value", scalarField(str(toleration, "value"))],
    ["Effect", scalarField(str(toleration, "effect"))],
    ["TolerationSeconds", pointerField("int64", seconds === undefined ? undefined : scalarField(seconds))],
  ]);
  return new PrintedValue(printedFor(value, kubernetesVersion));
}

/** validateTolerations: the pod checks, and no toleration twice (key, operator, value and effect). */
function validateRuntimeClassTolerations(tolerations: unknown, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors = validateTolerations(tolerations, fldPath, kubernetesVersion);
  const seen = new Set<string>();
  list({ tolerations }, "tolerations").forEach((toleration, index) => {
    const key = JSON.stringify([str(toleration, "key"), str(toleration, "operator"), str(toleration, "value"), str(toleration, "effect")]);
    if (seen.has(key)) errors.push(duplicate(fldPath.index(index), tolerationValue(toleration, kubernetesVersion)));
    else seen.add(key);
  });
  return errors;
}

/** ValidateRuntimeClass, after ObjectMeta: the handler a DNS label, the overhead as container limits, the scheduling constraints. */
export function validateRuntimeClass(runtimeClass: JsonRecord, kubernetesVersion: string): ErrorList {
  const handler = str(runtimeClass, "handler");
  const errors: ErrorList = nameIsDNSLabel(handler, false).map((message) => invalid(FieldPath.root("handler"), handler, message));
  const overhead = obj(runtimeClass, "overhead");
  if (overhead) appendAll(errors, validateOverhead(overhead.podFixed, FieldPath.root("overhead"), podValidationOptions(kubernetesVersion, false)));
  const scheduling = obj(runtimeClass, "scheduling");
  if (scheduling) {
    const path = FieldPath.root("scheduling");
    if (isSet(scheduling, "nodeSelector")) appendAll(errors, validateLabels(scheduling.nodeSelector, path.child("nodeSelector")));
    appendAll(errors, validateRuntimeClassTolerations(scheduling.tolerations, path.child("tolerations"), kubernetesVersion));
  }
  return errors;
}
