// Merge keys of the built-in kinds by field name, for when no schema is at
// hand (no generated schema for the kind, a custom resource without its CRD).
// Taken from the OpenAPI spec's x-kubernetes-list-map-keys of core/v1 and
// meta/v1; a test checks them against ../shared/k8s-openapi/swagger-v1.36.json.
import type { ShapeNode } from "../types.js";
import { lookupTable } from "../../util/lookup-table.js";

/** Lists of objects keyed by these fields, wherever they appear. */
const KEYED_LISTS: Readonly<Record<string, readonly string[]>> = lookupTable({
  containers: ["name"],
  initContainers: ["name"],
  ephemeralContainers: ["name"],
  env: ["name"],
  volumes: ["name"],
  volumeMounts: ["mountPath"],
  volumeDevices: ["devicePath"],
  imagePullSecrets: ["name"],
  hostAliases: ["ip"],
  topologySpreadConstraints: ["topologyKey", "whenUnsatisfiable"],
  resourceClaims: ["name"],
  schedulingGates: ["name"],
  ownerReferences: ["uid"],
});

/** Container ports and Service ports are keyed differently. */
const PORT_KEYS: Readonly<Record<string, readonly string[]>> = lookupTable({
  container: ["containerPort", "protocol"],
  service: ["port", "protocol"],
});

/** Maps replaced whole (LabelSelector and nodeSelector are `x-kubernetes-map-type: atomic`). */
const ATOMIC_MAPS = new Set(["selector", "nodeSelector", "matchLabels"]);

/** Fields whose values are maps of arbitrary keys. */
const MAPS = new Set([
  "labels",
  "annotations",
  "data",
  "binaryData",
  "stringData",
  "matchLabels",
  "nodeSelector",
  "parameters",
  "hard",
  "used",
  "requests",
  "limits",
  "capacity",
  "allocatable",
  "overhead",
  "default",
  "defaultRequest",
  "max",
  "min",
  "maxLimitRequestRatio",
]);

/** Lists of scalars that compare as sets. */
const SET_LISTS = new Set(["finalizers"]);

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

class FallbackShape implements ShapeNode {
  readonly listKeys?: readonly string[];
  readonly listType?: "atomic" | "set" | "map";
  readonly mapType?: "atomic" | "granular";
  readonly isMap: boolean;
  readonly retainKeys: boolean;
  private readonly children = new Map<string, FallbackShape>();

  constructor(
    private readonly name: string,
    private readonly parent: FallbackShape | undefined,
    private readonly kind: string,
  ) {
    const keys = this.keysOf();
    if (keys) {
      this.listKeys = keys;
      this.listType = "map";
    } else if (SET_LISTS.has(name)) this.listType = "set";
    if (ATOMIC_MAPS.has(name)) this.mapType = "atomic";
    // A Service's and a ReplicationController's selector is a map; a LabelSelector is not.
    this.isMap = MAPS.has(name) || (name === "selector" && (kind === "Service" || kind === "ReplicationController"));
    this.retainKeys = name === "volumes" || name === "resourceClaims" || (name === "strategy" && kind === "Deployment");
  }

  private keysOf(): readonly string[] | undefined {
    if (this.name === "ports") {
      if (this.parent?.name === "[]" && this.parent.parent && CONTAINER_LISTS.has(this.parent.parent.name)) return PORT_KEYS.container;
      if (this.kind === "Service" && this.parent?.name === "spec" && this.parent.parent?.name === "") return PORT_KEYS.service;
      return undefined;
    }
    if (this.name === "conditions" && this.parent?.name === "status") return ["type"];
    return KEYED_LISTS[this.name];
  }

  field(name: string): ShapeNode {
    let child = this.children.get(name);
    if (!child) {
      child = new FallbackShape(name, this, this.kind);
      this.children.set(name, child);
    }
    return child;
  }

  item(): ShapeNode {
    return new FallbackShape("[]", this, this.kind);
  }
}

/** A shape that knows the merge keys of built-in lists by their field names. */
export function fallbackShape(kind: string): ShapeNode {
  return new FallbackShape("", undefined, kind);
}
