// ValidateWebhookURL and ValidateWebhookService (k8s.io/apiserver's
// pkg/util/webhook/validation.go): how a webhook is reached.
import { isDNS1123Subdomain, isValidPortNum } from "../../apimachinery/validation.js";
import { invalid, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { atLeast } from "../../../util/release.js";
import { parseGoURL } from "../../../util/go-url.js";

const FORM = "; desired format: https://host[/path]";

/** ValidateWebhookURL: https (when forced), a host, no user information, fragment or query. */
export function validateWebhookURL(fldPath: FieldPath, url: string, forceHttps: boolean): ErrorList {
  const parsed = parseGoURL(url);
  if ("error" in parsed) return [required(fldPath, `url must be a valid URL: ${parsed.error}${FORM}`)];
  const errors: ErrorList = [];
  if (forceHttps && parsed.scheme !== "https") errors.push(invalid(fldPath, parsed.scheme, `'https' is the only allowed URL scheme${FORM}`));
  if (parsed.host.length === 0) errors.push(invalid(fldPath, parsed.host, `host must be specified${FORM}`));
  if (parsed.user !== undefined) errors.push(invalid(fldPath, parsed.user, "user information is not permitted in the URL"));
  if (parsed.fragment.length !== 0) errors.push(invalid(fldPath, parsed.fragment, "fragments are not permitted in the URL"));
  if (parsed.rawQuery.length !== 0) errors.push(invalid(fldPath, parsed.rawQuery, "query parameters are not permitted in the URL"));
  return errors;
}

/** ValidateWebhookService: a name, a namespace, a port, and a path of DNS-subdomain segments. */
export function validateWebhookService(
  fldPath: FieldPath,
  namespace: string,
  name: string,
  path: string | undefined,
  port: number,
  kubernetesVersion: string,
): ErrorList {
  const errors: ErrorList = [];
  // Until 1.34 the Required errors said what was required.
  const oldWords = !atLeast(kubernetesVersion, "1.34");
  if (name.length === 0) errors.push(required(fldPath.child("name"), oldWords ? "service name is required" : ""));
  if (namespace.length === 0) errors.push(required(fldPath.child("namespace"), oldWords ? "service namespace is required" : ""));
  const portErrors = isValidPortNum(port);
  if (portErrors.length > 0) errors.push(invalid(fldPath.child("port"), port, "port is not valid: " + portErrors.join(", ")));
  if (path === undefined || path === "/" || path.length === 0) return errors;
  if (path === "//") return [...errors, invalid(fldPath.child("path"), path, "segment[0] may not be empty")];
  if (!path.startsWith("/")) errors.push(invalid(fldPath.child("path"), path, "must start with a '/'"));
  let toCheck = path.slice(1);
  if (toCheck.endsWith("/")) toCheck = toCheck.slice(0, -1);
  toCheck.split("/").forEach((step, i) => {
    if (step.length === 0) {
      errors.push(invalid(fldPath.child("path"), path, `segment[${i}] may not be empty`));
      return;
    }
    for (const failure of isDNS1123Subdomain(step)) errors.push(invalid(fldPath.child("path"), path, `segment[${i}]: ${failure}`));
  });
  return errors;
}
