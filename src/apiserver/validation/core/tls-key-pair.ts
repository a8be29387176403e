// Go's crypto/tls.X509KeyPair, for the error it returns: PEM blocks found (or
// not) in the certificate and key inputs, the certificate and key parsed, and
// the key matching the certificate's public key. Parsing is Node's crypto.
import type { KeyObject, X509Certificate } from "node:crypto";
import { crypto } from "../../../util/on-demand-modules.js";

interface PemBlock {
  type: string;
  der: Buffer;
}

/**
 * encoding/pem.Decode over the whole input: the blocks between a BEGIN and an
 * END line of the same type, whose body is base64 (headers allowed). Each END
 * searched for is remembered, so that hostile input stays linear.
 */
function pemBlocks(input: Buffer): PemBlock[] {
  const text = input.toString("latin1");
  const blocks: PemBlock[] = [];
  const nextEnd = new Map<string, number>();
  let position = 0;
  for (;;) {
    const begin = text.indexOf("-----BEGIN ", position);
    if (begin < 0) break;
    const lineEnd = text.indexOf("\n", begin);
    if (lineEnd < 0) break;
    const header = text.slice(begin + "-----BEGIN ".length, lineEnd).replace(/\r$/, "");
    position = lineEnd + 1;
    if (!header.endsWith("-----")) continue;
    const type = header.slice(0, -"-----".length);
    const marker = `-----END ${type}-----`;
    let end = nextEnd.get(type);
    if (end === undefined || (end >= 0 && end < position)) {
      end = text.indexOf(marker, position);
      nextEnd.set(type, end);
    }
    if (end < 0) continue;
    // Headers ("Key: value" lines) end at a blank line.
    let body = text.slice(position, end);
    const blank = body.search(/\r?\n\r?\n/);
    if (body.split("\n", 1)[0]!.includes(":") && blank >= 0) body = body.slice(blank + 1);
    const base64 = body.replace(/\s+/g, "");
    position = end + marker.length;
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) blocks.push({ type, der: Buffer.from(base64, "base64") });
  }
  return blocks;
}

/** Go's %v of a []string: `[A B]`. */
function goList(items: string[]): string {
  return `[${items.join(" ")}]`;
}

/** tls.parsePrivateKey: PKCS #1, PKCS #8, then SEC 1 (EC). */
function parsePrivateKey(der: Buffer): KeyObject | undefined {
  for (const type of ["pkcs1", "pkcs8", "sec1"] as const) {
    try {
      return crypto().createPrivateKey({ key: der, format: "der", type });
    } catch {
      // Try the next encoding.
    }
  }
  return undefined;
}

/** The error tls.X509KeyPair returns for this certificate and key, or undefined when they load as a pair. */
export function x509KeyPairError(certPEM: Buffer, keyPEM: Buffer): string | undefined {
  const certBlocks = pemBlocks(certPEM);
  const certificates = certBlocks.filter((block) => block.type === "CERTIFICATE");
  if (certificates.length === 0) {
    const skipped = certBlocks.map((block) => block.type);
    if (skipped.length === 0) return "tls: failed to find any PEM data in certificate input";
    if (skipped.length === 1 && skipped[0]!.endsWith("PRIVATE KEY")) {
      return "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched";
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(skipped)}`;
  }
  const keyBlocks = pemBlocks(keyPEM);
  const keyIndex = keyBlocks.findIndex((block) => block.type === "PRIVATE KEY" || block.type.endsWith(" PRIVATE KEY"));
  if (keyIndex < 0) {
    const skipped = keyBlocks.map((block) => block.type);
    if (skipped.length === 0) return "tls: failed to find any PEM data in key input";
    if (skipped.length === 1 && skipped[0] === "CERTIFICATE") return "tls: found a certificate rather than a key in the PEM for the private key";
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`;
  }
  let certificate: X509Certificate;
  try {
    certificate = new (crypto().X509Certificate)(certificates[0]!.der);
  } catch {
    return "x509: malformed certificate";
  }
  const key = parsePrivateKey(keyBlocks[keyIndex]!.der);
  if (!key) return "tls: failed to parse private key";
  const publicType = certificate.publicKey.asymmetricKeyType;
  if (publicType !== "rsa" && publicType !== "ec" && publicType !== "ed25519") return "tls: unknown public key algorithm";
  if (key.asymmetricKeyType !== publicType) return "tls: private key type does not match public key type";
  return certificate.checkPrivateKey(key) ? undefined : "tls: private key does not match public key";
}
