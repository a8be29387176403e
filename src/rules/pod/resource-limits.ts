// Requests above limits are refused by the API server's validation of every
// pod template (ValidateResourceRequirements), so `kubectl apply` of the
// workload fails: the same check admission runs on pods, run on manifests.
import { validatePodResources } from "../../admission/plugins/Validation.js";
import type { Report } from "../../types.js";
import { toPointer } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { podTemplatesOf } from "../support/pod-templates.js";

export const podResourceLimits: Rule = {
  id: "pod/resource-limits",
  severity: "error",
  description: "A container must not request more than its limit, and must set equal requests and limits for resources that cannot be overcommitted (hugepages, extended resources).",
  check(document): Report[] {
    return podTemplatesOf(document.object).flatMap((template) => {
      const pod = { apiVersion: "v1", kind: "Pod", spec: template.spec };
      const at = { field: template.specPath.join("."), pointer: toPointer(template.specPath) };
      return validatePodResources(pod, at).map((problem) => ({ pointer: problem.pointer, message: problem.message }));
    });
  },
};
