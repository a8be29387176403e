// The pod's resourceClaims (validatePodResourceClaims, validatePodResourceClaim):
// unique DNS-label names, each naming exactly one claim or claim template.
import { duplicate, invalid, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goJson } from "../../field/values.js";
import { isSet, str } from "./fields.js";
import { validateDNS1123Label, validateDNS1123Subdomain } from "./names.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** A PodResourceClaim bad value: its JSON, in the struct's field order. */
function claimValue(claim: JsonRecord): PrintedValue {
  const fields = ["name", "resourceClaimName", "resourceClaimTemplateName"].filter((key) => typeof claim[key] === "string");
  return new PrintedValue("{" + fields.map((key) => `${goJson(key)}:${goJson(claim[key])}`).join(",") + "}");
}

/** validatePodResourceClaim. */
function validatePodResourceClaim(claim: JsonRecord, podClaimNames: Set<string>, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = str(claim, "name");
  if (name === "") errors.push(required(fldPath.child("name")));
  else if (podClaimNames.has(name)) errors.push(duplicate(fldPath.child("name"), name));
  else {
    appendAll(errors, validateDNS1123Label(name, fldPath.child("name")));
    podClaimNames.add(name);
  }
  const hasClaim = isSet(claim, "resourceClaimName");
  const hasTemplate = isSet(claim, "resourceClaimTemplateName");
  if (hasClaim && hasTemplate) errors.push(invalid(fldPath, claimValue(claim), "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified"));
  if (!hasClaim && !hasTemplate) errors.push(invalid(fldPath, claimValue(claim), "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`"));
  if (hasClaim) appendAll(errors, validateDNS1123Subdomain(str(claim, "resourceClaimName"), fldPath.child("resourceClaimName")));
  if (hasTemplate) appendAll(errors, validateDNS1123Subdomain(str(claim, "resourceClaimTemplateName"), fldPath.child("resourceClaimTemplateName")));
  return errors;
}

/** validatePodResourceClaims. */
export function validatePodResourceClaims(claims: JsonRecord[], fldPath: FieldPath): ErrorList {
  const podClaimNames = new Set<string>();
  return claims.flatMap((claim, i) => validatePodResourceClaim(claim, podClaimNames, fldPath.index(i)));
}
