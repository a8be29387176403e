// CertificateSigningRequest validation on create (pkg/apis/certificates/validation:
// ValidateCertificateSigningRequestCreate), after ObjectMeta; the strategy clears
// the status first, so its conditions and certificate are not checked.
import { duplicate, invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson, rendersCompositeAsJson } from "../../field/values.js";
import { int, obj, str, strings } from "../core/fields.js";
import { validateSignerName } from "../core/signer-name.js";
import { checkSignature, parseCertificateRequest } from "./x509-certificate-request.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

const LEGACY_UNKNOWN_SIGNER_NAME = "kubernetes.io/legacy-unknown";
const MIN_EXPIRATION_SECONDS = 600;

/** The key usages (certificates.KeyUsage), sorted as sets.List returns them. */
const ALL_VALID_USAGES = [
  "signing",
  "digital signature",
  "content commitment",
  "key encipherment",
  "key agreement",
  "data encipherment",
  "cert sign",
  "crl sign",
  "encipher only",
  "decipher only",
  "any",
  "server auth",
  "client auth",
  "code signing",
  "email protection",
  "s/mime",
  "ipsec end system",
  "ipsec tunnel",
  "ipsec user",
  "timestamping",
  "ocsp signing",
  "microsoft sgc",
  "netscape sgc",
].sort();

const PEM_BEGIN = "-----BEGIN ";
const PEM_END = "-----END ";
const PEM_TRAILER = "-----";

interface PemBlock {
  type: string;
  bytes: Buffer;
}

/** Standard base64 (padded), as Go's decoder reads it once spaces, tabs and line breaks are gone. */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The first block Go's pem.Decode finds: a BEGIN line at the start of a line,
 * its END line, headers skipped, base64 between. Undefined when there is none.
 * One pass over the text with indexOf.
 */
function firstPemBlock(text: string): PemBlock | undefined {
  let from = 0;
  for (;;) {
    const begin = text.indexOf(PEM_BEGIN, from);
    if (begin < 0) return undefined;
    from = begin + PEM_BEGIN.length;
    if (begin > 0 && text[begin - 1] !== "\n") continue;
    const lineEnd = text.indexOf("\n", from);
    const typeLine = (lineEnd < 0 ? text.slice(from) : text.slice(from, lineEnd)).trimEnd();
    if (lineEnd < 0 || !typeLine.endsWith(PEM_TRAILER)) continue;
    const type = typeLine.slice(0, -PEM_TRAILER.length);
    const end = text.indexOf(`\n${PEM_END}${type}${PEM_TRAILER}`, lineEnd);
    if (end < 0) continue;
    const body = text.slice(lineEnd + 1, end).split("\n").filter((line) => !line.includes(":")).join("").replace(/[ \t\r\n]/g, "");
    if (STRICT_BASE64.test(body)) return { type, bytes: Buffer.from(body, "base64") };
  }
}

/** The request's bytes as a bad value: a []byte, base64 in JSON since 1.34, Go syntax before. */
function requestValue(request: Buffer | undefined, kubernetesVersion: string): PrintedValue {
  if (rendersCompositeAsJson(kubernetesVersion)) return new PrintedValue(request ? goJson(request.toString("base64")) : "null");
  if (!request) return new PrintedValue("[]byte(nil)");
  return new PrintedValue("[]byte{" + [...request].map((byte) => "0x" + byte.toString(16)).join(", ") + "}");
}

/**
 * validateCSR: the request is a PEM block of type CERTIFICATE REQUEST
 * (certificates.ParseCSR) holding a PKCS#10 request Go's x509 parses, whose
 * signature its public key verifies (CheckSignature).
 */
function validateCSRRequest(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const request = typeof spec.request === "string" ? Buffer.from(spec.request, "base64") : undefined;
  const block = request ? firstPemBlock(request.toString("latin1")) : undefined;
  if (block?.type !== "CERTIFICATE REQUEST") return [invalid(fldPath, requestValue(request, kubernetesVersion), "PEM block type must be CERTIFICATE REQUEST")];
  const parsed = parseCertificateRequest(block.bytes);
  const error = typeof parsed === "string" ? parsed : checkSignature(parsed);
  return error ? [invalid(fldPath, requestValue(request, kubernetesVersion), error)] : [];
}

/** The usages: at least one, each known, none twice. */
function validateUsages(usages: string[], fldPath: FieldPath): ErrorList {
  if (usages.length === 0) return [required(fldPath)];
  const errors: ErrorList = [];
  usages.forEach((usage, index) => {
    if (!ALL_VALID_USAGES.includes(usage)) errors.push(notSupported(fldPath.index(index), usage, ALL_VALID_USAGES));
  });
  const seen = new Set<string>();
  usages.forEach((usage, index) => {
    if (seen.has(usage)) errors.push(duplicate(fldPath.index(index), usage));
    seen.add(usage);
  });
  return errors;
}

/** ValidateCertificateSigningRequestCreate, after ObjectMeta. */
export function validateCertificateSigningRequestCreate(csr: JsonRecord, kubernetesVersion: string): ErrorList {
  const spec = obj(csr, "spec") ?? {};
  const specPath = FieldPath.root("spec");
  const errors = validateCSRRequest(spec, specPath.child("request"), kubernetesVersion);
  appendAll(errors, validateUsages(strings(spec, "usages"), specPath.child("usages")));
  const signerName = str(spec, "signerName");
  if (signerName === LEGACY_UNKNOWN_SIGNER_NAME) errors.push(invalid(specPath.child("signerName"), signerName, "the legacy signerName is not allowed via this API version"));
  else appendAll(errors, validateSignerName(specPath.child("signerName"), signerName));
  const expirationSeconds = int(spec, "expirationSeconds");
  if (expirationSeconds !== undefined && expirationSeconds < MIN_EXPIRATION_SECONDS) {
    errors.push(invalid(specPath.child("expirationSeconds"), expirationSeconds, "may not specify a duration less than 600 seconds (10 minutes)"));
  }
  return errors;
}
