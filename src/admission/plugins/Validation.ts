// Object validation the API server runs between mutating and validating
// admission: here, that no container requests more than its (possibly
// defaulted) limit (pkg/apis/core/validation ValidateResourceRequirements).
import type { KubeObject } from "../../types.js";
import { recordOf } from "../../util/object-access.js";
import { escapeSegment } from "../../util/pointer.js";
import { formatQuantity } from "../../util/quantity.js";
import { invalidField } from "../api-errors.js";
import { containersOf } from "../pod-resources.js";
import { parseResourceList, sortedNames } from "../resource-list.js";

/** helper.IsOvercommitAllowed: native resources except huge pages. */
function overcommitAllowed(name: string): boolean {
  const native = !name.includes("/") || name.includes("kubernetes.io/");
  return native && !name.startsWith("hugepages-");
}

export interface FieldProblem {
  message: string;
  pointer: string;
}

/**
 * The problems of the containers' requests and limits. `at` places a pod spec
 * inside its object: a Deployment's template is `spec.template.spec`, at
 * `/spec/template/spec`.
 */
export function validatePodResources(pod: KubeObject, at: { field: string; pointer: string } = { field: "spec", pointer: "/spec" }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const ref of containersOf(pod)) {
    const resources = recordOf(ref.container.resources);
    const requests = parseResourceList(resources.requests);
    const limits = parseResourceList(resources.limits);
    const field = `${at.field}.${ref.init ? "initContainers" : "containers"}[${ref.index}].resources`;
    for (const name of sortedNames(requests)) {
      const request = requests.get(name)!;
      const limit = limits.get(name);
      const pointer = `${at.pointer}${ref.pointer.slice("/spec".length)}/resources/requests/${escapeSegment(name)}`;
      if (limit) {
        if (request.nanos !== limit.nanos && !overcommitAllowed(name)) {
          problems.push({ pointer, message: invalidField(`${field}.requests`, formatQuantity(request), `must be equal to ${name} limit of ${formatQuantity(limit)}`) });
        } else if (request.nanos > limit.nanos) {
          problems.push({ pointer, message: invalidField(`${field}.requests`, formatQuantity(request), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`) });
        }
      } else if (!overcommitAllowed(name)) {
        problems.push({ pointer, message: `${field}.limits: Required value: Limit must be set for non overcommitable resources` });
      }
    }
  }
  return problems;
}
