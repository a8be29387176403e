// The name functions and small generic checks of k8s.io/apimachinery's
// pkg/api/validation/generic.go: each kind validates its metadata.name with one
// of these (a DNS-1123 subdomain for most kinds).
import { invalid, type ErrorList } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from "./validation.js";

export const IS_NEGATIVE_ERROR_MSG = "must be greater than or equal to 0";

/**
 * ValidateNameFunc: the messages for a name that is not valid; `prefix` is true
 * for a generateName, which will have random characters appended.
 */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/** maskTrailingDash: a generateName may end with '-' (its last two characters become "a"), as a suffix follows it. */
export function maskTrailingDash(name: string): string {
  // Go would fail on a lone "-": it is left as it is, and refused.
  return name.length > 1 && name.endsWith("-") ? name.slice(0, -2) + "a" : name;
}

export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;

export const validateServiceAccountName: ValidateNameFunc = nameIsDNSSubdomain;

/** ValidateNonnegativeField (validate.NonNegative). */
export function validateNonnegativeField(value: number, fldPath: FieldPath): ErrorList {
  return value < 0 ? [invalid(fldPath, value, IS_NEGATIVE_ERROR_MSG)] : [];
}
