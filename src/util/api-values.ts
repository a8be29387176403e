// Small facts about API values: an object's group, a string's length as Go counts
// it. The generic defensive readers (isRecord, arrayOf, stringOf, dig...) are in
// util/object-access.ts.
import { groupOf } from "../inventory.js";
import { stringOf } from "./object-access.js";

/** API group of an object's apiVersion ("" for core), whatever type the field has. */
export function apiGroup(apiVersion: unknown): string {
  return groupOf(stringOf(apiVersion));
}

/** Length in bytes of the UTF-8 encoding: what Go's len() counts. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * Groups served by kube-apiserver itself: the core group, groups without a
 * dot (apps, batch, policy, autoscaling...) and the `*.k8s.io` groups (a CRD
 * found for a kind takes precedence over this guess).
 */
export function isBuiltInGroup(group: string): boolean {
  return group === "" || !group.includes(".") || group.endsWith(".k8s.io");
}
