// A MutatingAdmissionPolicy patch that constructs an object (`Object{...}`,
// `JSONPatch{...}`) is checked by the API server's CEL compiler; kubeplan's
// CEL parser has no message construction, so the patch is not compiled and
// could hide a mistake. Said once per policy, at its first such patch, so
// that a review knows what kubeplan did not look at.
import type { Report } from "../../types.js";
import { constructsMessage } from "../../apiserver/validation/admissionregistration/cel.js";
import { apiGroup } from "../../util/api-values.js";
import { isRecord } from "../../util/object-access.js";
import type { Rule } from "../types.js";
import { reportAt } from "../support/reports.js";

const PATCHES = ["applyConfiguration", "jsonPatch"] as const;

export const policyPatchNotCompiled: Rule = {
  id: "policy/patch-not-compiled",
  severity: "info",
  description: "A MutatingAdmissionPolicy patch that constructs an object (`Object{...}`, `JSONPatch{...}`) was not compiled: kubeplan's CEL parser has no message construction. Reported once per policy.",
  check(document) {
    const { object } = document;
    if (object.kind !== "MutatingAdmissionPolicy" || apiGroup(object.apiVersion) !== "admissionregistration.k8s.io" || !isRecord(object.spec)) return [];
    const mutations = Array.isArray(object.spec.mutations) ? object.spec.mutations : [];
    for (let i = 0; i < mutations.length; i++) {
      const mutation = mutations[i];
      if (!isRecord(mutation)) continue;
      for (const patch of PATCHES) {
        const expression = isRecord(mutation[patch]) ? mutation[patch].expression : undefined;
        if (typeof expression !== "string" || !constructsMessage(expression)) continue;
        const report: Report = reportAt(
          ["spec", "mutations", i, patch, "expression"],
          `spec.mutations[${i}].${patch}.expression: not compiled: kubeplan's CEL parser cannot read object construction (Object{...}, JSONPatch{...}), so this policy's patches that construct objects are not checked`,
        );
        return [report];
      }
    }
    return [];
  },
};
