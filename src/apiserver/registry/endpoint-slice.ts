// Registry strategy of EndpointSlice (pkg/registry/discovery/endpointslice/strategy.go):
// PrepareForCreate drops node hints while PreferSameTrafficDistribution is off
// (dropDisabledFieldsOnCreate) and the deprecated topology written through v1
// (dropTopologyOnV1); WarningsOnCreate flags FQDN slices. Its warnOnBadIPs
// (1.33 on) names only addresses that validation, strict since 1.33, already
// refuses, and warnings come only after a create passes validation: it has
// nothing to add.
import { featureEnabled } from "../features.js";
import type { FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { list, str } from "../validation/core/fields.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";
import type { ValidationContext } from "./types.js";

/** dropDisabledFieldsOnCreate: `hints.forNodes` only with PreferSameTrafficDistribution (topology hints are on in every supported release). */
function dropDisabledFieldsOnCreate(slice: JsonRecord, kubernetesVersion: string): void {
  if (featureEnabled("PreferSameTrafficDistribution", kubernetesVersion)) return;
  for (const endpoint of list(slice, "endpoints")) {
    if (isRecord(endpoint.hints)) delete endpoint.hints.forNodes;
  }
}

/** dropTopologyOnV1: a v1 request cannot write deprecatedTopology (a create has no earlier node names to keep). */
function dropTopologyOnV1(slice: JsonRecord, apiVersion: string): void {
  if (apiVersion !== "discovery.k8s.io/v1") return;
  for (const endpoint of list(slice, "endpoints")) delete endpoint.deprecatedTopology;
}

/** PrepareForCreate. */
export function prepareEndpointSliceForCreate(slice: JsonRecord, context: ValidationContext): void {
  dropDisabledFieldsOnCreate(slice, context.kubernetesVersion);
  dropTopologyOnV1(slice, context.apiVersion);
}

/** warnOnDeprecatedAddressType: upstream names the field under `spec`, which an EndpointSlice does not have. */
function warnOnDeprecatedAddressType(slice: JsonRecord): FieldWarning[] {
  if (str(slice, "addressType") !== "FQDN") return [];
  return [{ message: `${FieldPath.root("spec", "addressType").toString()}: FQDN endpoints are deprecated`, at: FieldPath.root("addressType") }];
}

/** WarningsOnCreate. */
export function endpointSliceWarningsOnCreate(slice: JsonRecord): FieldWarning[] {
  return warnOnDeprecatedAddressType(slice);
}
