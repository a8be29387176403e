// metadata.name, metadata.generateName and metadata.namespace syntax, per kind,
// as kube-apiserver validates them; plus the name lengths the controllers need.
import type { ManifestDocument, Report } from "../../types.js";
import type { Rule, RuleContext } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label, isLabelValue } from "../../apiserver/apimachinery/validation.js";
import { dnsKindOf, nameErrors, nameFormatOf } from "../support/name-policy.js";
import { reportAt } from "../support/reports.js";
import { toDnsName } from "../support/suggestions.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, isRecord, stringOf } from "../../util/object-access.js";

/** A CronJob's Jobs are named `<cronjob>-<11 characters>`, and Job names must fit a label value. */
const CRONJOB_NAME_MAX = 52;

function checkName(document: ManifestDocument, field: "name" | "generateName"): Report[] {
  const { object } = document;
  const value = stringOf(dig(object, "metadata", field));
  if (value === undefined || value === "") return [];
  const format = nameFormatOf(apiGroup(object.apiVersion), object.kind ?? "");
  const dnsKind = dnsKindOf(format);
  const fixed = dnsKind && field === "name" ? toDnsName(value, dnsKind) : undefined;
  return nameErrors(format, value, field === "generateName").map((detail) =>
    reportAt(["metadata", field], invalid(`metadata.${field}`, scalarValue(value), detail), fixed ? { suggestion: fixed } : {}),
  );
}

/** apiextensions: a CRD's name must be `<spec.names.plural>.<spec.group>`. */
function checkCustomResourceDefinitionName(document: ManifestDocument): Report[] {
  const { object } = document;
  if (object.kind !== "CustomResourceDefinition" || apiGroup(object.apiVersion) !== "apiextensions.k8s.io") return [];
  const name = stringOf(dig(object, "metadata", "name"));
  const plural = stringOf(dig(object, "spec", "names", "plural"));
  const group = stringOf(dig(object, "spec", "group"));
  if (!name || plural === undefined || group === undefined) return [];
  const expected = `${plural}.${group}`;
  if (name === expected) return [];
  return [reportAt(["metadata", "name"], invalid("metadata.name", scalarValue(name), 'must be spec.names.plural+"."+spec.group'), { suggestion: expected })];
}

function checkNamespace(document: ManifestDocument, context: RuleContext): Report[] {
  const { object } = document;
  const namespace = stringOf(dig(object, "metadata", "namespace"));
  if (!namespace || !context.inventory.isNamespaced(object.kind)) return [];
  const fixed = toDnsName(namespace, "label");
  return isDNS1123Label(namespace).map((detail) =>
    reportAt(["metadata", "namespace"], invalid("metadata.namespace", scalarValue(namespace), detail), fixed ? { suggestion: fixed } : {}),
  );
}

/** The Job controller labels the pod template with the Job's name (`job-name`, `batch.kubernetes.io/job-name`). */
function checkJobNameAsLabel(document: ManifestDocument): Report[] {
  const { object } = document;
  if (object.kind !== "Job" || apiGroup(object.apiVersion) !== "batch") return [];
  if (dig(object, "spec", "manualSelector") === true) return [];
  const name = stringOf(dig(object, "metadata", "name"));
  if (!name) return [];
  return isLabelValue(name)
    .filter((detail) => detail.startsWith("must be no more than"))
    .map((detail) =>
      reportAt(
        ["metadata", "name"],
        invalid("spec.template.labels", scalarValue(name), detail) +
          " (the Job's name becomes the value of its pods' job-name label; use at most 63 characters)",
      ),
    );
}

function checkCronJobName(document: ManifestDocument): Report[] {
  const { object } = document;
  if (object.kind !== "CronJob" || apiGroup(object.apiVersion) !== "batch") return [];
  const name = stringOf(dig(object, "metadata", "name"));
  if (!name || name.length <= CRONJOB_NAME_MAX) return [];
  return [reportAt(["metadata", "name"], invalid("metadata.name", scalarValue(name), `must be no more than ${CRONJOB_NAME_MAX} characters`))];
}

export const namesFormat: Rule = {
  id: "names/format",
  severity: "error",
  description: "metadata.name, generateName and namespace must have the syntax kube-apiserver requires for the kind.",
  check(document, context) {
    if (!isRecord(document.object.metadata)) return [];
    return [
      ...checkName(document, "name"),
      ...checkName(document, "generateName"),
      ...checkCustomResourceDefinitionName(document),
      ...checkNamespace(document, context),
      ...checkCronJobName(document),
      ...checkJobNameAsLabel(document),
    ];
  },
};
