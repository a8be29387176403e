// Shared pieces of the Pod Security Standards checks
// (k8s.io/pod-security-admission/policy): results, wording helpers, visitors.
import { isRecord, recordOf, recordsOf, stringOf, type JsonRecord } from "../../util/object-access.js";
import { compareStrings } from "../../util/order.js";

/** A failed check: the short reason and the detail shown in parentheses. */
export interface CheckFailure {
  reason: string;
  detail: string;
}

export type CheckResult = CheckFailure | undefined;

/** What a check reads: the pod's (or template's) metadata and spec. */
export interface PodView {
  metadata: JsonRecord;
  spec: JsonRecord;
  /** The policy version being evaluated (the minor of 1.x). */
  minor: number;
}

export type CheckFn = (pod: PodView) => CheckResult;

/** `"a", "b"`, as upstream's joinQuote writes lists. */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? "" : `"${items.join('", "')}"`;
}

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

export function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareStrings);
}

/** Init containers, containers, then ephemeral containers (visitContainers). */
export function visitContainers(spec: JsonRecord, visit: (container: JsonRecord, name: string) => void): void {
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
    for (const container of recordsOf(list)) visit(container, stringOf(container.name) ?? "");
  }
}

export function securityContextOf(container: JsonRecord): JsonRecord | undefined {
  const context = container.securityContext;
  return isRecord(context) ? context : undefined;
}

export function podSecurityContext(spec: JsonRecord): JsonRecord | undefined {
  return securityContextOf({ securityContext: spec.securityContext });
}

/** `container "a"` / `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize("container", "containers", names.length)} ${joinQuote(names)}`;
}

/** Pod-level and container-level setters of a bad value, joined as upstream does. */
export function setters(podIsBad: boolean, badContainers: readonly string[]): string[] {
  const out: string[] = [];
  if (podIsBad) out.push("pod");
  if (badContainers.length > 0) out.push(containersPhrase(badContainers));
  return out;
}

/** Windows pods are exempt from some restricted checks from policy v1.25 on. */
export function isWindowsPod(spec: JsonRecord): boolean {
  return recordOf(spec.os).name === "windows";
}

/** relaxPolicyForUserNamespacePod: the pod runs in its own user namespace (`hostUsers: false`). */
export function relaxPolicyForUserNamespacePod(spec: JsonRecord): boolean {
  return spec.hostUsers === false;
}
