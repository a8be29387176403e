// The syntax checks of k8s.io/apimachinery (pkg/util/validation and
// pkg/api/validate/content), returning kube-apiserver's own messages.
// Lengths are counted in bytes, as Go's len() does.
import { invalid, required, type ErrorList } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { byteLength } from "../../util/api-values.js";
import { appendAll } from "../../util/append.js";
import { LABEL_KEY_SUBJECT } from "../field/release-details.js";

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_LABEL_WITH_UNDERSCORE_FMT = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT = `${DNS1123_LABEL_WITH_UNDERSCORE_FMT}(\\.${DNS1123_LABEL_WITH_UNDERSCORE_FMT})*`;
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE = new RegExp(`^${DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT}$`);
const DNS1035_LABEL = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const LABEL_KEY_NAME = new RegExp(`^${LABEL_KEY_FMT}$`);
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const CONFIG_MAP_KEY = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);
const WILDCARD_DNS1123_SUBDOMAIN = new RegExp(`^${WILDCARD_DNS1123_SUBDOMAIN_FMT}$`);
const HTTP_PATH = new RegExp(`^${HTTP_PATH_FMT}$`);

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const DNS1035_LABEL_MAX = 63;
export const LABEL_VALUE_MAX = 63;

/** validation.RegexError: the message, its examples and the regex. */
export function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  let out = message + " (e.g. ";
  examples.forEach((example, i) => {
    if (i > 0) out += " or ";
    out += `'${example}', `;
  });
  return out + `regex used for validation is '${format}')`;
}

/** util/validation.MaxLenError (object names, config keys). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** content.MaxLenError (label keys and values, since the checks moved to api/validate/content; older words in release-details.ts). */
function maxBytesError(length: number): string {
  return `must be no more than ${length} bytes`;
}

export function inclusiveRangeError(low: number, high: number): string {
  return `must be between ${low} and ${high}, inclusive`;
}

const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const LABEL_KEY_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const CONFIG_MAP_KEY_MESSAGE = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

export function isDNS1123Label(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX) errors.push(maxLenError(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL.test(value)) {
    // A valid subdomain that is not a label can only be wrong by its dots.
    if (DNS1123_SUBDOMAIN.test(value)) errors.push("must not contain dots");
    else errors.push(regexError(DNS1123_LABEL_MESSAGE, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }
  return errors;
}

function subdomainErrors(value: string, lengthError: (n: number) => string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errors.push(lengthError(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(regexError(DNS1123_SUBDOMAIN_MESSAGE, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errors;
}

export function isDNS1123Subdomain(value: string): string[] {
  return subdomainErrors(value, maxLenError);
}

/** IsDNS1123SubdomainWithUnderscore: a subdomain whose labels may hold `_` (DNS search domains). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN_WITH_UNDERSCORE.test(value)) {
    errors.push(regexError(DNS1123_SUBDOMAIN_WITH_UNDERSCORE_MESSAGE, DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT, "example.com"));
  }
  return errors;
}

export function isDNS1035Label(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX) errors.push(maxLenError(DNS1035_LABEL_MAX));
  if (!DNS1035_LABEL.test(value)) errors.push(regexError(DNS1035_LABEL_MESSAGE, DNS1035_LABEL_FMT, "my-name", "abc-123"));
  return errors;
}

/** content.IsPathSegmentPrefix: what a generateName must be, to fit in a REST path. */
export function isPathSegmentPrefix(value: string): string[] {
  return ["/", "%"].filter((illegal) => value.includes(illegal)).map((illegal) => `may not contain '${illegal}'`);
}

/** content.IsPathSegmentName: what every name must be, to fit in a REST path. */
export function isPathSegmentName(value: string): string[] {
  if (value === "." || value === "..") return [`may not be '${value}'`];
  return isPathSegmentPrefix(value);
}

/**
 * content.IsLabelKey (a "qualified name"): optional DNS subdomain prefix, `/`, a
 * name of at most 63 bytes. Messages are in the newest words (see release-details.ts).
 */
export function isLabelKey(value: string): string[] {
  const errors: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errors.push("prefix part must be non-empty");
    else appendAll(errors, subdomainErrors(prefix, maxBytesError).map((m) => "prefix part " + m));
  } else {
    return [
      LABEL_KEY_SUBJECT +
        regexError(LABEL_KEY_MESSAGE, LABEL_KEY_FMT, "MyName", "my.name", "123-abc") +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errors.push("name part must be non-empty");
  else if (byteLength(name) > 63) errors.push("name part " + maxBytesError(63));
  if (!LABEL_KEY_NAME.test(name)) errors.push("name part " + regexError(LABEL_KEY_MESSAGE, LABEL_KEY_FMT, "MyName", "my.name", "123-abc"));
  return errors;
}

export function isLabelValue(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX) errors.push(maxBytesError(LABEL_VALUE_MAX));
  if (!LABEL_VALUE.test(value)) errors.push(regexError(LABEL_VALUE_MESSAGE, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  return errors;
}

/** validation.IsConfigMapKey: keys of ConfigMap and Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!CONFIG_MAP_KEY.test(value)) errors.push(regexError(CONFIG_MAP_KEY_MESSAGE, CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
  if (value === ".") errors.push("must not be '.'");
  else if (value === "..") errors.push("must not be '..'");
  else if (value.startsWith("..")) errors.push("must not start with '..'");
  return errors;
}

/** validation.IsValidPortName: an IANA_SVC_NAME. */
export function isValidPortName(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 15) errors.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(value)) errors.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(value)) errors.push("must contain at least one letter (a-z)");
  if (value.includes("--")) errors.push("must not contain consecutive hyphens");
  if (value.length > 0 && (value.startsWith("-") || value.endsWith("-"))) errors.push("must not begin or end with a hyphen");
  return errors;
}

/** validation.IsValidPortNum. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

const ENV_VAR_NAME_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
const ENV_VAR_NAME = new RegExp(`^${ENV_VAR_NAME_FMT}$`);
const ENV_VAR_NAME_MESSAGE = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
const RELAXED_ENV_VAR_NAME_MESSAGE = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** hasChDirPrefix: names a shell would take for a directory change. */
function hasChDirPrefix(value: string): string[] {
  if (value === ".") return ["must not be '.'"];
  if (value === "..") return ["must not be '..'"];
  return value.startsWith("..") ? ["must not start with '..'"] : [];
}

/** validation.IsEnvVarName: the strict names of releases before RelaxedEnvironmentVariableValidation. */
export function isEnvVarName(value: string): string[] {
  const errors = ENV_VAR_NAME.test(value) ? [] : [regexError(ENV_VAR_NAME_MESSAGE, ENV_VAR_NAME_FMT, "my.env-name", "MY_ENV.NAME", "MyEnvName1")];
  return [...errors, ...hasChDirPrefix(value)];
}

/** validation.IsRelaxedEnvVarName: any printable ASCII but `=`. */
export function isRelaxedEnvVarName(value: string): string[] {
  const errors: string[] = [];
  if (value.length === 0) errors.push("environment variable name must be non-empty");
  if (!/^[\x20-\x3c\x3e-\x7e]*$/.test(value)) errors.push(RELAXED_ENV_VAR_NAME_MESSAGE);
  return errors;
}

const HTTP_HEADER_NAME_FMT = "[-A-Za-z0-9]+";

/** validation.IsHTTPHeaderName. */
export function isHTTPHeaderName(value: string): string[] {
  return new RegExp(`^${HTTP_HEADER_NAME_FMT}$`).test(value)
    ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_NAME_FMT, "X-Header-Name")];
}

const MAX_ID = 2147483647;

/** validation.IsValidUserID / IsValidGroupID: 0 to 2^31-1. */
export function isValidUserOrGroupID(id: number): string[] {
  return id >= 0 && id <= MAX_ID ? [] : [inclusiveRangeError(0, MAX_ID)];
}

const WILDCARD_DNS1123_SUBDOMAIN_MESSAGE =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";

/** IsWildcardDNS1123Subdomain: `*.` followed by a DNS subdomain. */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!WILDCARD_DNS1123_SUBDOMAIN.test(value)) errors.push(regexError(WILDCARD_DNS1123_SUBDOMAIN_MESSAGE, WILDCARD_DNS1123_SUBDOMAIN_FMT, "*.example.com"));
  return errors;
}

/** IsFullyQualifiedName: a DNS subdomain of at least three segments. */
export function isFullyQualifiedName(field: FieldPath, name: string): ErrorList {
  if (name.length === 0) return [required(field)];
  const errors = isDNS1123Subdomain(name);
  if (errors.length > 0) return [invalid(field, name, errors.join(","))];
  if (name.split(".").length < 3) return [invalid(field, name, "should be a domain with at least three segments separated by dots")];
  return [];
}

/** IsFullyQualifiedDomainName: a DNS subdomain of at least two labels, a trailing dot allowed. */
export function isFullyQualifiedDomainName(field: FieldPath, value: string): ErrorList {
  if (value.length === 0) return [required(field)];
  const name = value.endsWith(".") ? value.slice(0, -1) : value;
  const errors = isDNS1123Subdomain(name);
  if (errors.length > 0) return [invalid(field, name, errors.join(","))];
  const labels = name.split(".");
  if (labels.length < 2) return [invalid(field, name, "should be a domain with at least two segments separated by dots")];
  for (const label of labels) {
    const labelErrors = isDNS1123Label(label);
    if (labelErrors.length > 0) return [invalid(field, label, labelErrors.join(","))];
  }
  return [];
}

/** IsDomainPrefixedPath: a DNS subdomain, `/`, and an HTTP path ("acme.io/foo"). */
export function isDomainPrefixedPath(field: FieldPath, value: string): ErrorList {
  if (value.length === 0) return [required(field)];
  const slash = value.indexOf("/");
  const host = slash < 0 ? value : value.slice(0, slash);
  const path = slash < 0 ? "" : value.slice(slash + 1);
  if (slash < 0 || host.length === 0 || path.length === 0) return [invalid(field, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errors = isDNS1123Subdomain(host).map((detail) => invalid(field, host, detail));
  if (!HTTP_PATH.test(path)) errors.push(invalid(field, path, regexError("Invalid path", HTTP_PATH_FMT)));
  return errors;
}

const PERCENT_FMT = "[0-9]+%";
const PERCENT = new RegExp(`^${PERCENT_FMT}$`);

/** validation.IsValidPercent. */
export function isValidPercent(percent: string): string[] {
  return PERCENT.test(percent) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, "1%", "93%")];
}
