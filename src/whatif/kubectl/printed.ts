// kubectl's name printer: `deployment.apps/web created`, `pod/nginx evicted`.
import { groupOf } from "../../inventory.js";
import type { KubeObject } from "../../types.js";
import { nameOf } from "../../util/object-access.js";
import { kindString } from "./resources.js";

export function printedObject(object: KubeObject, operation: string): string {
  return `${kindString({ kind: object.kind ?? "", group: groupOf(object.apiVersion) })}/${nameOf(object)} ${operation}`;
}
