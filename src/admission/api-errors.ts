// The wording of kube-apiserver's status errors (k8s.io/apimachinery/pkg/api/errors)
// and of utilerrors.NewAggregate, which joins several reasons.

/** schema.GroupResource.String(): `pods`, `deployments.apps`. */
export function groupResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** utilerrors aggregate: one message as is; several, deduplicated, as `[a, b]`. */
export function aggregate(messages: readonly string[]): string {
  if (messages.length === 0) return "";
  if (messages.length === 1) return messages[0]!;
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(", ")}]`;
}

/** errors.NewForbidden (403). */
export function forbidden(resource: string, name: string, reason: string): string {
  return name === "" ? `${resource} is forbidden: ${reason}` : `${resource} "${name}" is forbidden: ${reason}`;
}

/** errors.NewNotFound (404). */
export function notFound(resource: string, name: string): string {
  return `${resource} "${name}" not found`;
}

/** errors.NewInvalid (422): `Pod "web-0" is invalid: <field errors>`. */
export function invalid(groupKind: string, name: string, fieldErrors: readonly string[]): string {
  return `${groupKind} "${name}" is invalid: ${aggregate(fieldErrors)}`;
}

/** field.Invalid(...).Error(): `spec.x: Invalid value: "2Gi": must be ...`. */
export function invalidField(field: string, value: string, detail: string): string {
  return `${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`;
}
