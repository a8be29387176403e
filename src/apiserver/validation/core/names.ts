// The syntax checks core validation applies to single fields (ValidateDNS1123Label,
// ValidateQualifiedName, ValidateDNS1123Subdomain...), returning field errors.
import { isDNS1123Label, isDNS1123Subdomain, isDNS1123SubdomainWithUnderscore, isLabelKey } from "../../apimachinery/validation.js";
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { toDnsName } from "../../apimachinery/suggestions.js";
import { withLabelContentWords } from "../../field/release-details.js";

/** ValidateDNS1123Label, with the nearest valid label as the suggestion. */
export function validateDNS1123Label(value: string, fldPath: FieldPath): ErrorList {
  const messages = isDNS1123Label(value);
  const suggestion = messages.length > 0 ? toDnsName(value, "label") : undefined;
  return messages.map((message) => ({ ...invalid(fldPath, value, message), ...(suggestion ? { suggestion } : {}) }));
}

/** ValidateQualifiedName. */
export function validateQualifiedName(value: string, fldPath: FieldPath): ErrorList {
  return isLabelKey(value).map((message) => withLabelContentWords(invalid(fldPath, value, message)));
}

/** ValidateDNS1123Subdomain. */
export function validateDNS1123Subdomain(value: string, fldPath: FieldPath): ErrorList {
  return isDNS1123Subdomain(value).map((message) => invalid(fldPath, value, message));
}

/** ValidateDNS1123SubdomainWithUnderScore. */
export function validateDNS1123SubdomainWithUnderScore(value: string, fldPath: FieldPath): ErrorList {
  return isDNS1123SubdomainWithUnderscore(value).map((message) => invalid(fldPath, value, message));
}
