// x509.ParseCertificateRequest and CertificateRequest.CheckSignature (Go's
// crypto/x509), as certificates.ParseCSR and validateCSR call them: the DER of a
// PKCS#10 request read the way Go's encoding/asn1 reads its certificateRequest
// struct, its public key parsed, its signature checked, each failure in Go's
// words. asn1js splits the DER into elements; the strict DER rules Go applies on
// top (definite, minimal lengths) and the struct walk are checked here. asn1js
// is loaded on first use: few runs have certificate requests.
import type { KeyObject } from "node:crypto";
import { crypto } from "../../../util/on-demand-modules.js";
import type { AsnType, fromBER as FromBER } from "asn1js";
import { requirePackage } from "../../../util/require-package.js";

let decoder: typeof FromBER | undefined;

/** asn1js's BER decoder. */
function fromBER(der: Buffer): ReturnType<typeof FromBER> {
  decoder ??= requirePackage<{ fromBER: typeof FromBER }>("asn1js").fromBER;
  return decoder(der);
}

/** A Go `%+v` of encoding/asn1's fieldParameters for a field without tags. */
const NO_PARAMS = "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}";

const syntaxError = (message: string) => `asn1: syntax error: ${message}`;
const structuralError = (message: string) => `asn1: structure error: ${message}`;

/** One DER element: where it starts, its tag (Go's class numbering) and length, and asn1js's decoding of it. */
interface Element {
  start: number;
  headerLength: number;
  goClass: number;
  tag: number;
  isCompound: boolean;
  length: number;
  block: AsnType;
}

/** What a struct field of Go's certificateRequest expects. */
interface GoType {
  name: string;
  /** undefined: any element (asn1.RawValue). */
  tag?: number;
  /** Context-specific class (an IMPLICIT tag on the field). */
  contextSpecific?: boolean;
  /** Only AlgorithmIdentifier's parameters, an asn1.RawValue: absent or anything. */
  optional?: boolean;
  fields?: readonly GoType[];
  check?: (content: Buffer) => string | undefined;
}

/** parseInt64 of encoding/asn1. */
function checkInt(content: Buffer): string | undefined {
  if (content.length === 0) return structuralError("empty integer");
  if (content.length > 1 && ((content[0] === 0 && (content[1]! & 0x80) === 0) || (content[0] === 0xff && (content[1]! & 0x80) === 0x80))) {
    return structuralError("integer not minimally-encoded");
  }
  return content.length > 8 ? structuralError("integer too large") : undefined;
}

/** parseBitString of encoding/asn1. */
function checkBitString(content: Buffer): string | undefined {
  if (content.length === 0) return syntaxError("zero length BIT STRING");
  const padding = content[0]!;
  if (padding > 7 || (content.length === 1 && padding > 0) || (content[content.length - 1]! & ((1 << padding) - 1)) !== 0) {
    return syntaxError("invalid padding bits in BIT STRING");
  }
  return undefined;
}

/** parseObjectIdentifier of encoding/asn1, as far as its length goes. */
function checkObjectIdentifier(content: Buffer): string | undefined {
  if (content.length === 0) return syntaxError("zero length OBJECT IDENTIFIER");
  return (content[content.length - 1]! & 0x80) !== 0 ? syntaxError("truncated base 128 integer") : undefined;
}

const OBJECT_IDENTIFIER: GoType = { name: "ObjectIdentifier", tag: 6, check: checkObjectIdentifier };
const BIT_STRING: GoType = { name: "BitString", tag: 3, check: checkBitString };
const ALGORITHM_IDENTIFIER: GoType = { name: "AlgorithmIdentifier", tag: 16, fields: [OBJECT_IDENTIFIER, { name: "RawValue", optional: true }] };
const CERTIFICATE_REQUEST: GoType = {
  name: "certificateRequest",
  tag: 16,
  fields: [
    {
      name: "tbsCertificateRequest",
      tag: 16,
      fields: [
        { name: "int", tag: 2, check: checkInt },
        { name: "RawValue" },
        { name: "publicKeyInfo", tag: 16, fields: [ALGORITHM_IDENTIFIER, BIT_STRING] },
        // []asn1.RawValue `asn1:"tag:0"`: its %+v holds a pointer, so its mismatch is not worded exactly.
        { name: "", tag: 0, contextSpecific: true, fields: [] },
      ],
    },
    ALGORITHM_IDENTIFIER,
    BIT_STRING,
  ],
};

/** An element's tag (Go's class numbering) and length as asn1js read them. */
function headerOf(block: AsnType): Omit<Element, "start" | "block"> {
  return {
    headerLength: block.idBlock.blockLength + block.lenBlock.blockLength,
    goClass: block.idBlock.tagClass - 1,
    tag: block.idBlock.tagNumber,
    isCompound: block.idBlock.isConstructed,
    length: block.lenBlock.length,
  };
}

/** Go's %+v of a tagAndLength. */
function tagText(header: Omit<Element, "start" | "block">): string {
  return `{class:${header.goClass} tag:${header.tag} length:${header.length} isCompound:${header.isCompound}}`;
}

/** The element asn1js decoded at `start`, with Go's tag and length, or Go's error for its header. */
function elementAt(block: AsnType, start: number, der: Buffer): Element | string {
  const idBlock = block.idBlock;
  const lenBlock = block.lenBlock;
  if (idBlock.error !== "" || lenBlock.error !== "" || idBlock.blockLength === 0 || lenBlock.blockLength === 0) return syntaxError("truncated tag or length");
  if (lenBlock.isIndefiniteForm) return syntaxError("indefinite length found (not DER)");
  if (lenBlock.longFormUsed) {
    if (der[start + idBlock.blockLength + 1] === 0) return structuralError("superfluous leading zeros in length");
    if (lenBlock.length < 0x80) return structuralError("non-minimal length");
  }
  return { start, block, ...headerOf(block) };
}

function childrenOf(block: AsnType): AsnType[] {
  const value = (block.valueBlock as { value?: unknown }).value;
  return Array.isArray(value) ? (value as AsnType[]) : [];
}

/**
 * parseField for one struct field: `offset` is where the field starts within its
 * parent's content (`contentStart`..`contentEnd`); Go's messages give offsets
 * within that content.
 */
function parseField(type: GoType, block: AsnType | undefined, offset: number, contentStart: number, contentEnd: number, der: Buffer): string | undefined {
  if (contentStart + offset === contentEnd) return type.optional ? undefined : syntaxError("sequence truncated");
  if (block === undefined) return syntaxError("truncated tag or length");
  const element = elementAt(block, contentStart + offset, der);
  if (typeof element === "string") return element;
  const afterHeader = offset + element.headerLength;
  if (type.tag !== undefined) {
    const expectedClass = type.contextSpecific ? 2 : 0;
    const compound = type.fields !== undefined;
    if (element.goClass !== expectedClass || element.tag !== type.tag || element.isCompound !== compound) {
      return structuralError(`tags don't match (${type.tag} vs ${tagText(element)}) ${NO_PARAMS} ${type.name} @${afterHeader}`);
    }
  }
  const start = contentStart + afterHeader;
  if (start + element.length > contentEnd) return syntaxError("data truncated");
  const content = der.subarray(start, start + element.length);
  if (type.check) return type.check(content);
  if (!type.fields) return undefined;
  if (type.fields.length === 0) return sequenceOfAny(element, content, der);
  return parseStruct(type.fields, element, der);
}

/** The fields of a struct, in order; elements after the last field are allowed. */
function parseStruct(fields: readonly GoType[], element: Element, der: Buffer): string | undefined {
  const children = childrenOf(element.block);
  const contentStart = element.start + element.headerLength;
  const contentEnd = contentStart + element.length;
  let offset = 0;
  for (const [index, field] of fields.entries()) {
    const child = children[index];
    const error = parseField(field, child, offset, contentStart, contentEnd, der);
    if (error) return error;
    // Only a trailing optional field (AlgorithmIdentifier's parameters) can be absent.
    if (child === undefined || contentStart + offset === contentEnd) break;
    offset += headerOf(child).headerLength + headerOf(child).length;
  }
  return undefined;
}

/** parseSequenceOf for []asn1.RawValue: each element's header read, none past the end. */
function sequenceOfAny(element: Element, content: Buffer, der: Buffer): string | undefined {
  let offset = 0;
  for (const child of childrenOf(element.block)) {
    const parsed = elementAt(child, element.start + element.headerLength + offset, der);
    if (typeof parsed === "string") return parsed;
    offset += parsed.headerLength;
    if (offset + parsed.length > content.length) return syntaxError("truncated sequence");
    offset += parsed.length;
  }
  return undefined;
}

/** A decoded request: what CheckSignature needs. */
export interface CertificateRequest {
  signedBytes: Buffer;
  signatureAlgorithm: string;
  /** The signature algorithm's parameters (RSASSA-PSS names its hash there). */
  signatureParameters: AsnType | undefined;
  signature: Buffer;
  publicKeyAlgorithm: string;
  publicKey: KeyObject | undefined;
}

const OID_PUBLIC_KEY_RSA = "1.2.840.113549.1.1.1";
const OID_PUBLIC_KEY_DSA = "1.2.840.10040.4.1";
const OID_PUBLIC_KEY_ECDSA = "1.2.840.10045.2.1";
const OID_PUBLIC_KEY_ED25519 = "1.3.101.112";
const OID_PUBLIC_KEY_X25519 = "1.3.101.110";
/** The named curves Go's x509 knows (P-224, P-256, P-384, P-521). */
const GO_CURVES = new Set(["1.3.132.0.33", "1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35"]);

function oidOf(block: AsnType | undefined): string {
  const value = (block?.valueBlock as { toString?: () => string } | undefined)?.toString?.();
  return typeof value === "string" ? value : "";
}

/** parsePublicKey, its verdict from node:crypto; the words of its commonest failure per algorithm. */
function parsePublicKey(algorithm: string, parameters: AsnType | undefined, spki: Buffer): KeyObject | string | undefined {
  const known = [OID_PUBLIC_KEY_RSA, OID_PUBLIC_KEY_DSA, OID_PUBLIC_KEY_ECDSA, OID_PUBLIC_KEY_ED25519, OID_PUBLIC_KEY_X25519];
  if (!known.includes(algorithm)) return undefined;
  if (algorithm === OID_PUBLIC_KEY_ECDSA && !GO_CURVES.has(oidOf(parameters))) return "x509: unsupported elliptic curve";
  try {
    return crypto().createPublicKey({ key: spki, format: "der", type: "spki" });
  } catch {
    if (algorithm === OID_PUBLIC_KEY_RSA) return "x509: invalid RSA public key";
    if (algorithm === OID_PUBLIC_KEY_ECDSA) return "x509: failed to unmarshal elliptic curve point";
    if (algorithm === OID_PUBLIC_KEY_DSA) return "x509: invalid DSA public key";
    return algorithm === OID_PUBLIC_KEY_ED25519 ? "x509: wrong Ed25519 public key size" : "x509: wrong X25519 public key size";
  }
}

/**
 * ParseCertificateRequest: the request, or Go's error. Beyond the struct walk
 * and the public key, the subject must be a SEQUENCE; the requested extensions
 * are not parsed.
 */
export function parseCertificateRequest(der: Buffer): CertificateRequest | string {
  if (der.length === 0) return syntaxError("sequence truncated");
  const decoded = fromBER(der);
  const error = parseField(CERTIFICATE_REQUEST, decoded.result, 0, 0, der.length, der);
  if (error) return error;
  const outer = headerOf(decoded.result);
  if (outer.headerLength + outer.length < der.length) return syntaxError("trailing data");
  const [tbs, signatureAlgorithm, signatureValue] = childrenOf(decoded.result);
  const [, subject, publicKeyInfo] = childrenOf(tbs!);
  const [keyAlgorithm] = childrenOf(publicKeyInfo!);
  const [keyAlgorithmOid, keyParameters] = childrenOf(keyAlgorithm!);
  const [signatureOid, signatureParameters] = childrenOf(signatureAlgorithm!);
  const publicKey = parsePublicKey(oidOf(keyAlgorithmOid), keyParameters, Buffer.from(publicKeyInfo!.valueBeforeDecodeView));
  if (typeof publicKey === "string") return publicKey;
  // The subject is read again as a pkix.RDNSequence (a SEQUENCE OF).
  const subjectHeader = headerOf(subject!);
  if (subjectHeader.goClass !== 0 || subjectHeader.tag !== 16 || !subjectHeader.isCompound) {
    return structuralError(`tags don't match (16 vs ${tagText(subjectHeader)}) ${NO_PARAMS} RDNSequence @${subjectHeader.headerLength}`);
  }
  // The BIT STRING's content after its padding byte (0 in any signature that verifies).
  const signature = Buffer.from(signatureValue!.valueBeforeDecodeView).subarray(headerOf(signatureValue!).headerLength + 1);
  return {
    signedBytes: Buffer.from(tbs!.valueBeforeDecodeView),
    signatureAlgorithm: oidOf(signatureOid),
    signatureParameters,
    signature,
    publicKeyAlgorithm: oidOf(keyAlgorithmOid),
    publicKey,
  };
}

interface SignatureAlgorithm {
  name: string;
  /** node:crypto's digest; "" for Ed25519, which hashes itself. */
  hash: string;
  publicKeyAlgorithm: "RSA" | "DSA" | "ECDSA" | "Ed25519";
}

/** Go's signatureAlgorithmDetails, by OID. */
const SIGNATURE_ALGORITHMS: ReadonlyMap<string, SignatureAlgorithm> = new Map([
  ["1.2.840.113549.1.1.2", { name: "MD2-RSA", hash: "unavailable", publicKeyAlgorithm: "RSA" }],
  ["1.2.840.113549.1.1.4", { name: "MD5-RSA", hash: "md5", publicKeyAlgorithm: "RSA" }],
  ["1.2.840.113549.1.1.5", { name: "SHA1-RSA", hash: "sha1", publicKeyAlgorithm: "RSA" }],
  ["1.3.14.3.2.29", { name: "SHA1-RSA", hash: "sha1", publicKeyAlgorithm: "RSA" }],
  ["1.2.840.113549.1.1.11", { name: "SHA256-RSA", hash: "sha256", publicKeyAlgorithm: "RSA" }],
  ["1.2.840.113549.1.1.12", { name: "SHA384-RSA", hash: "sha384", publicKeyAlgorithm: "RSA" }],
  ["1.2.840.113549.1.1.13", { name: "SHA512-RSA", hash: "sha512", publicKeyAlgorithm: "RSA" }],
  ["1.2.840.10040.4.3", { name: "DSA-SHA1", hash: "sha1", publicKeyAlgorithm: "DSA" }],
  ["2.16.840.1.101.3.4.3.2", { name: "DSA-SHA256", hash: "sha256", publicKeyAlgorithm: "DSA" }],
  ["1.2.840.10045.4.1", { name: "ECDSA-SHA1", hash: "sha1", publicKeyAlgorithm: "ECDSA" }],
  ["1.2.840.10045.4.3.2", { name: "ECDSA-SHA256", hash: "sha256", publicKeyAlgorithm: "ECDSA" }],
  ["1.2.840.10045.4.3.3", { name: "ECDSA-SHA384", hash: "sha384", publicKeyAlgorithm: "ECDSA" }],
  ["1.2.840.10045.4.3.4", { name: "ECDSA-SHA512", hash: "sha512", publicKeyAlgorithm: "ECDSA" }],
  ["1.3.101.112", { name: "Ed25519", hash: "", publicKeyAlgorithm: "Ed25519" }],
]);

const OID_SIGNATURE_RSA_PSS = "1.2.840.113549.1.1.10";
/** The hashes RSASSA-PSS may name for Go (SHA-256, SHA-384, SHA-512). */
const PSS_HASHES: ReadonlyMap<string, string> = new Map([
  ["2.16.840.1.101.3.4.2.1", "sha256"],
  ["2.16.840.1.101.3.4.2.2", "sha384"],
  ["2.16.840.1.101.3.4.2.3", "sha512"],
]);

const ERR_UNSUPPORTED_ALGORITHM = "x509: cannot verify signature: algorithm unimplemented";

/** The hash RSASSA-PSS parameters name in their [0] field; only its hash is read. */
function pssHash(parameters: AsnType | undefined): string | undefined {
  const hashField = childrenOf(parameters ?? ({} as AsnType)).find((child) => child.idBlock.tagClass === 3 && child.idBlock.tagNumber === 0);
  const algorithm = childrenOf(childrenOf(hashField ?? ({} as AsnType))[0] ?? ({} as AsnType))[0];
  return PSS_HASHES.get(oidOf(algorithm));
}

/** Go's %T of the parsed public key. */
function goKeyType(key: KeyObject): string {
  const type = key.asymmetricKeyType;
  if (type === "rsa") return "*rsa.PublicKey";
  if (type === "ec") return "*ecdsa.PublicKey";
  if (type === "dsa") return "*dsa.PublicKey";
  return type === "ed25519" ? "ed25519.PublicKey" : "*ecdh.PublicKey";
}

const KEY_TYPES: Readonly<Record<SignatureAlgorithm["publicKeyAlgorithm"], string>> = { RSA: "rsa", DSA: "dsa", ECDSA: "ec", Ed25519: "ed25519" };

function verified(hash: string | null, request: CertificateRequest, key: KeyObject, pss: boolean): boolean {
  try {
    // Go verifies PSS with the salt as long as the hash.
    const { constants, verify } = crypto();
    const options = pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : key;
    return verify(hash, request.signedBytes, options, request.signature);
  } catch {
    return false;
  }
}

/** CheckSignature (SHA-1 allowed, as for every request): Go's error, or undefined. */
export function checkSignature(request: CertificateRequest): string | undefined {
  const pss = request.signatureAlgorithm === OID_SIGNATURE_RSA_PSS;
  const pssDigest = pss ? pssHash(request.signatureParameters) : undefined;
  const algorithm = pssDigest ? { name: "RSA-PSS", hash: pssDigest, publicKeyAlgorithm: "RSA" as const } : SIGNATURE_ALGORITHMS.get(request.signatureAlgorithm);
  if (!algorithm || algorithm.hash === "unavailable") return ERR_UNSUPPORTED_ALGORITHM;
  if (algorithm.hash === "md5") return `x509: cannot verify signature: insecure algorithm ${algorithm.name}`;
  const key = request.publicKey;
  if (!key || key.asymmetricKeyType === "dsa" || key.asymmetricKeyType === "x25519") return ERR_UNSUPPORTED_ALGORITHM;
  if (key.asymmetricKeyType !== KEY_TYPES[algorithm.publicKeyAlgorithm]) {
    return `x509: signature algorithm specifies an ${algorithm.publicKeyAlgorithm} public key, but have public key of type ${goKeyType(key)}`;
  }
  if (verified(algorithm.hash === "" ? null : algorithm.hash, request, key, pss)) return undefined;
  if (key.asymmetricKeyType === "ec") return "x509: ECDSA verification failure";
  if (key.asymmetricKeyType === "ed25519") return "x509: Ed25519 verification failure";
  return "crypto/rsa: verification error";
}
