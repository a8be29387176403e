// ValidateSignerName (pkg/apis/core/validation): `<domain>/<path>`, the domain of
// DNS labels with at least one dot, the path of DNS subdomains separated by dots.
import { DNS1123_LABEL_MAX, DNS1123_SUBDOMAIN_MAX, isDNS1123Label, isDNS1123Subdomain } from "../../apimachinery/validation.js";
import { invalid, required, tooLong, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import { byteLength } from "../../../util/api-values.js";
import { appendAll } from "../../../util/append.js";

/** The first label's errors, each prefixed with the label: later labels would only repeat them. */
function firstLabelErrors(segment: string, check: (label: string) => string[], fldPath: FieldPath): ErrorList {
  for (const label of segment.split(".")) {
    const messages = check(label);
    if (messages.length > 0) return messages.map((message) => invalid(fldPath, segment, `validating label ${goQuote(label)}: ${message}`));
  }
  return [];
}

/** ValidateSignerName. */
export function validateSignerName(fldPath: FieldPath, signerName: string): ErrorList {
  if (signerName === "") return [required(fldPath)];
  const segments = signerName.split("/");
  if (segments.length !== 2) return [invalid(fldPath, signerName, "must be a fully qualified domain and path of the form 'example.com/signer-name'")];
  const [domain, path] = segments as [string, string];
  const errors: ErrorList = [];
  if (byteLength(domain) > DNS1123_SUBDOMAIN_MAX) errors.push(tooLong(fldPath, "", DNS1123_SUBDOMAIN_MAX));
  appendAll(errors, firstLabelErrors(domain, isDNS1123Label, fldPath));
  if (domain.split(".").length < 2) errors.push(invalid(fldPath, domain, "should be a domain with at least two segments separated by dots"));
  appendAll(errors, firstLabelErrors(path, isDNS1123Subdomain, fldPath));
  const maxSignerNameLength = DNS1123_SUBDOMAIN_MAX + (DNS1123_SUBDOMAIN_MAX + DNS1123_LABEL_MAX + 1) + 1;
  if (byteLength(signerName) > maxSignerNameLength) errors.push(tooLong(fldPath, "", maxSignerNameLength));
  return errors;
}
