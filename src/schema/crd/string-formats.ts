// The string formats kube-openapi checks on custom resources
// (k8s.io/kube-openapi pkg/validation/strfmt, the formats apiextensions
// supports), for the ones with a fixed syntax. Patterns run in RE2.
import { isIPv4, isIPv6 } from "node:net";
import { compileRe2 } from "../../util/re2.js";

/** A check by a fixed pattern, compiled when first used. */
function re2(pattern: string): (value: string) => boolean {
  return (value) => {
    const compiled = compileRe2(pattern);
    return "regex" in compiled && compiled.regex.test(value);
  };
}

const HOSTNAME = re2(`^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$`);
const MAC = re2("^(?:[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){7}|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){19}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){2}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){3}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){9})$");

function isCidr(value: string): boolean {
  const slash = value.indexOf("/");
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(address)) return Number(bits) <= 32;
  return isIPv6(address) && !address.includes("%") && Number(bits) <= 128;
}

/** Format name (as kube-openapi normalizes it, without dashes) → check. */
export const STRING_FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  bsonobjectid: re2("^[0-9a-fA-F]{24}$"),
  hostname: (value) => value.length <= 255 && HOSTNAME(value),
  ipv4: (value) => isIPv4(value),
  ipv6: (value) => isIPv6(value) && !value.includes("%"),
  cidr: isCidr,
  mac: MAC,
  uuid3: re2("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$"),
  uuid4: re2("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$"),
  uuid5: re2("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$"),
  hexcolor: re2("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"),
  rgbcolor: re2("^rgb\\(\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*\\)$"),
  ssn: re2("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$"),
};
