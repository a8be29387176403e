import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

/** A PEM certificate request for CN=alice (an ECDSA P-256 key made for this test), base64 as the API takes it. */
const REQUEST = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlISk1ISUNBUUF3RURFT01Bd0dBMVVFQXd3RllXeHBZMlV3V1RBVEJnY3Foa2pPUFFJQkJnZ3Foa2pPUFFNQgpCd05DQUFRTEI4RmRWNDg2ZjVBZ3FxTzM1KzNUTGNhOC9ZbjZkQXBQbEE3UVppdVNnVThhU0ZZZTF0a25Db3BGCkZRb3lGb3pXTEQxNzJqNk42OGlFVmNraFI0VmxvQUF3Q2dZSUtvWkl6ajBFQXdJRFJ3QXdSQUlnZjk5SUdJOGQKT1NkUk8vVTlWZUVtWU5RRDZPWElVQnB0T2JjLzFsUEtRd0VDSUJ1Tm9qbEtDcW40UzJ5S1YxY2dPYVRnL01jdApSMyt4enphd25qMUNPb1BQCi0tLS0tRU5EIENFUlRJRklDQVRFIFJFUVVFU1QtLS0tLQo=";
const base64 = (text: string) => Buffer.from(text).toString("base64");
const csr = (spec: string, name = "alice") => yaml("apiVersion: certificates.k8s.io/v1", "kind: CertificateSigningRequest", `metadata: {name: '${name}'}`, `spec: {${spec}}`);
const valid = (more: string) => csr(`request: ${REQUEST}, usages: [client auth], ${more}`);
const SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
/** A domain of 253 characters (four labels) and the longest signer name it allows: <domain>/<namespace(63)>.<name(253)>, 571 characters. */
const LONGEST_DOMAIN = ["a".repeat(63), "a".repeat(63), "a".repeat(63), "a".repeat(61)].join(".");
const LONGEST_SIGNER = `${LONGEST_DOMAIN}/${"a".repeat(63)}.${"a".repeat(253)}`;
const LABEL_RULE = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe("ValidateCertificateSigningRequestCreate", () => {
  it.each([
    ["a client certificate request", valid("signerName: kubernetes.io/kube-apiserver-client, expirationSeconds: 86400")],
    ["a custom signer with a dotted path", valid("signerName: example.com/team-a.issuer")],
    ["any name, colons included", csr(`request: ${REQUEST}, usages: [digital signature, key encipherment, server auth], signerName: example.com/x`, "node-csr:abc")],
    ["the longest signer name", valid(`signerName: ${LONGEST_SIGNER}`)],
    ["a long path under a short domain", valid(`signerName: abc.io/${"a".repeat(253)}.${"a".repeat(253)}`)],
    ["a status (cleared on create)", csr(`request: ${REQUEST}, usages: [client auth], signerName: example.com/x`).replace("spec:", "status: {conditions: [{type: ''}]}\nspec:")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["a request that is not PEM", valid("signerName: example.com/x").replace(REQUEST, base64("hello")), ['spec.request: Invalid value: "aGVsbG8=": PEM block type must be CERTIFICATE REQUEST']],
    [
      "a PEM block of another type",
      valid("signerName: example.com/x").replace(REQUEST, base64("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")),
      [`spec.request: Invalid value: "${base64("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")}": PEM block type must be CERTIFICATE REQUEST`],
    ],
    ["no request (printed in Go syntax before 1.34)", csr("usages: [client auth], signerName: example.com/x"), ["spec.request: Invalid value: []byte(nil): PEM block type must be CERTIFICATE REQUEST"], "1.33"],
    ["no usages", csr(`request: ${REQUEST}, signerName: example.com/x`), ["spec.usages: Required value"]],
    [
      "an unknown and a repeated usage",
      valid("signerName: example.com/x").replace("[client auth]", "[client auth, client auth, flying]"),
      [
        'spec.usages[1]: Duplicate value: "client auth"',
        'spec.usages[2]: Unsupported value: "flying": supported values: "any", "cert sign", "client auth", "code signing", "content commitment", "crl sign", "data encipherment", "decipher only", "digital signature", "email protection", "encipher only", "ipsec end system", "ipsec tunnel", "ipsec user", "key agreement", "key encipherment", "microsoft sgc", "netscape sgc", "ocsp signing", "s/mime", "server auth", "signing", "timestamping"',
      ],
    ],
    ["no signer", csr(`request: ${REQUEST}, usages: [client auth]`), ["spec.signerName: Required value"]],
    ["the legacy signer", valid("signerName: kubernetes.io/legacy-unknown"), ['spec.signerName: Invalid value: "kubernetes.io/legacy-unknown": the legacy signerName is not allowed via this API version']],
    ["a signer without a path", valid("signerName: example.com"), ["spec.signerName: Invalid value: \"example.com\": must be a fully qualified domain and path of the form 'example.com/signer-name'"]],
    ["a single-label domain", valid("signerName: example/x"), ['spec.signerName: Invalid value: "example": should be a domain with at least two segments separated by dots']],
    ["a domain label with capitals", valid("signerName: Example.com/x"), [`spec.signerName: Invalid value: "Example.com": validating label "Example": ${LABEL_RULE}`]],
    ["an empty path", valid("signerName: example.com/"), [`spec.signerName: Invalid value: "": validating label "": ${SUBDOMAIN_RULE}`]],
    ["a signer name above 571 characters", valid(`signerName: ${LONGEST_SIGNER}.toolong`), ["spec.signerName: Too long: may not be more than 571 bytes"]],
    ["a domain above 253 characters", valid(`signerName: ${LONGEST_DOMAIN}.extra/valid-path`), ["spec.signerName: Too long: may not be more than 253 bytes"]],
    [
      "a domain label above 63 characters",
      valid(`signerName: ${"a".repeat(66)}.example.io/valid-path`),
      [`spec.signerName: Invalid value: "${"a".repeat(66)}.example.io": validating label "${"a".repeat(66)}": must be no more than 63 characters`],
    ],
    ["a path ending with a symbol", valid("signerName: example.com/something-"), [`spec.signerName: Invalid value: "something-": validating label "something-": ${SUBDOMAIN_RULE}`]],
    ["a signer with two slashes", valid("signerName: example.com/something/else"), ["spec.signerName: Invalid value: \"example.com/something/else\": must be a fully qualified domain and path of the form 'example.com/signer-name'"]],
    ["a short expiration", valid("signerName: example.com/x, expirationSeconds: 599"), ["spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 600 seconds (10 minutes)"]],
  ])("rejects %s", (_name, text, messages, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual(messages);
  });
});

/** PKCS#10 requests (DER, base64) made for these tests with openssl: an RSA 2048 key signed with SHA-256 and with SHA-1, an Ed25519 key, an ECDSA P-384 key signed with SHA-384. */
const RSA_DER = "MIICUzCCATsCAQAwDjEMMAoGA1UEAwwDYm9iMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+jW2P6mIzX8iL/GYdN9rMeQg5TeI7PKsziXwfPmZSdA7bW2p/HnSlYIskmDFHvjSl9sV0qYTaq3QDWlVBYeU7ijkX8rEMaCdGMrUrFa/R0ibdHBRJWpJ/h7qsBp/LVCVuHXZ9mKKgR7zzkfEYtQOK7DkguA6ICaZ6FwZad5mQ6C8LmKHGiz/RRtDz9s8krO/RNLnjU4pKiQrS6HKmTjyroA1GvjvCeAnmqODDKSS7Fn4OkWYafhorLRWw3me7sCYqY6MXjEr++fJiYSvD3oqAtMdgzBn9U0foMe0CB46tJMnexgbdRDxrM9N5uUoZPnwfMSKxY3+fE/2kZiFjIPbrQIDAQABoAAwDQYJKoZIhvcNAQELBQADggEBAPSh/eShS47l0Uh5w7fY9BZdiu7Mvq+SHR94FZEsWNgRyTH7ikG78iSOBWqPSE3cRtlnHH1JsoFzLcCEq19H5aq+ZlRRYgJlZT/7qoTvHmlnezNNGInX3FIOSG0br3cPAIPctVt+R/D0A5y+fzjFrQera+/L4m04VPKSY8CwLnMIOGzLwj32EjKdmv0LhTWubrV9toJXcsmFaPx3WmSECuLvIkMCWFGofyWgxhnxtBDhdoSNkiZpI+qZ9NrU4lxuGX4O/N6mTziJYwl1JttqN21zivxJXYM+aRsBg+QH75KE+zw3ED139ggT3tVm0yeN6y0AC/6MwHheGEZY6xdpsEc=";
const SHA1_RSA_DER = "MIICVDCCATwCAQAwDzENMAsGA1UEAwwEZXJpbjCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAPo1tj+piM1/Ii/xmHTfazHkIOU3iOzyrM4l8Hz5mUnQO21tqfx50pWCLJJgxR740pfbFdKmE2qt0A1pVQWHlO4o5F/KxDGgnRjK1KxWv0dIm3RwUSVqSf4e6rAafy1Qlbh12fZiioEe885HxGLUDiuw5ILgOiAmmehcGWneZkOgvC5ihxos/0UbQ8/bPJKzv0TS541OKSokK0uhypk48q6ANRr47wngJ5qjgwykkuxZ+DpFmGn4aKy0VsN5nu7AmKmOjF4xK/vnyYmErw96KgLTHYMwZ/VNH6DHtAgeOrSTJ3sYG3UQ8azPTeblKGT58HzEisWN/nxP9pGYhYyD260CAwEAAaAAMA0GCSqGSIb3DQEBBQUAA4IBAQDCPipuwtJZbao9bB+gmDMuUNqGP7nYGiBy47Zeu2XFOrtO4Xt2edaXh/f+SfymS4+YZ5DC71HCffmNSFqUHuaEIShShCtZJd28lFeLYIYTPvgzVGOFwRp4hquNs8PeIhpeDDP8Ba3GHHDPIj10HxQQIhERYqnBQejPP5A4vAuQpjAQERGL3RcadQRkm+keC5Cvj+D7n30409i7XyDUJrPIMwzfENKGzGn0JF1fNJgZCwlwl3JzbaekBOrTFwMSz6bGEQtLMNihSG8OGDrn9emv6EF020hShQ6/aKD9iRpwKmW2AIdK4TBms4GNY0c6VA9O4znYPXnA+zubzkwgbYXD";
const ED25519_DER = "MIGPMEMCAQAwEDEOMAwGA1UEAwwFY2Fyb2wwKjAFBgMrZXADIQDmxDSXfTk3XcBvNLoF8Y1XTqGP6jeC5/fxDfi1ZFmdraAAMAUGAytlcANBAKIgi80alPNIgJyk9NHsXUDlKId2Y8I87xrziM+D2iwcXnoPRnKn/XvlDGPJiNhtfYB8GsKUr7/xAuP12t3O4Qw=";
const P384_DER = "MIIBCDCBjgIBADAPMQ0wCwYDVQQDDARkYXZlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEKBm4k58G+6J1d+xnnVN6Fb7ELcevxIvdt23XFHmWK6HMimmo/wFiFd+MPJUdW/hrAuBPZznB8Wo5tc0KOI6aNXf4xTWDZ21f1YtxQTzWby8aDKoxrrKiX6GKpYeOfli5oAAwCgYIKoZIzj0EAwMDaQAwZgIxAOPmOH3C0FMlyw6fEN7W/svYIc3ETVme+X2YPc+Ftbk4YHf1fZycCYOucMKp/45f1gIxAI7fFlpOixraghOv/zGpHUcOoXo1NaBhG7Sxx/m/leUMMF/wJgLG8x7QukwYbi0FvA==";
/** The ECDSA P-256 request above, as DER. */
const P256_DER = Buffer.from(REQUEST, "base64").toString("latin1").split("\n").filter((line) => !line.startsWith("-----")).join("");
/** A PEM request holding these bytes, base64 as the API takes it. */
const pemRequest = (der: Buffer) => base64(`-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`);
const edited = (derBase64: string, edit: (der: Buffer) => Buffer | void) => {
  const der = Buffer.from(derBase64, "base64");
  return edit(der) ?? der;
};
/** The last byte of the signature changed. */
const badSignature = (der: Buffer) => void (der[der.length - 1] ^= 0x01);
/** The first byte of the subject's common name changed: signed bytes the signature does not cover. */
const changedSubject = (der: Buffer) => void (der[der.indexOf("0603550403", 0, "hex") + 7] ^= 0x01);
/** The signature algorithm's OID (sha256WithRSAEncryption) set to another RSA signature algorithm, last byte `last`. */
const rsaSignatureAlgorithm = (last: number) => (der: Buffer) => void (der[der.lastIndexOf("2a864886f70d01010b", undefined, "hex") + 8] = last);
const TAGS_DONT_MATCH_PARAMS = "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}";

describe("validateCSR: the request parses as x509.ParseCertificateRequest parses it, and its signature verifies", () => {
  it.each([
    ["RSA with SHA-256", Buffer.from(RSA_DER, "base64")],
    ["RSA with SHA-1 (allowed in requests)", Buffer.from(SHA1_RSA_DER, "base64")],
    ["Ed25519", Buffer.from(ED25519_DER, "base64")],
    ["ECDSA P-384 with SHA-384", Buffer.from(P384_DER, "base64")],
    ["ECDSA P-256 with SHA-256", Buffer.from(P256_DER, "base64")],
  ])("accepts a request signed with %s", (_name, der) => {
    expect(createPathMessages(csr(`request: ${pemRequest(der)}, usages: [client auth], signerName: example.com/x`))).toEqual([]);
  });

  const rejected: Array<[string, Buffer, string]> = [
    ["an ECDSA signature that does not verify", edited(P256_DER, badSignature), "x509: ECDSA verification failure"],
    ["an RSA signature that does not verify", edited(RSA_DER, badSignature), "crypto/rsa: verification error"],
    ["an Ed25519 signature that does not verify", edited(ED25519_DER, badSignature), "x509: Ed25519 verification failure"],
    ["a subject changed after signing", edited(P384_DER, changedSubject), "x509: ECDSA verification failure"],
    ["an RSA signature read as SHA-1", edited(RSA_DER, rsaSignatureAlgorithm(0x05)), "crypto/rsa: verification error"],
    ["an MD5 signature", edited(RSA_DER, rsaSignatureAlgorithm(0x04)), "x509: cannot verify signature: insecure algorithm MD5-RSA"],
    ["an MD2 signature", edited(RSA_DER, rsaSignatureAlgorithm(0x02)), "x509: cannot verify signature: algorithm unimplemented"],
    ["an empty block", Buffer.alloc(0), "asn1: syntax error: sequence truncated"],
    [
      "bytes that are not DER",
      Buffer.from("hello, world"),
      `asn1: structure error: tags don't match (16 vs {class:1 tag:8 length:101 isCompound:true}) ${TAGS_DONT_MATCH_PARAMS} certificateRequest @2`,
    ],
    ["a request cut short", edited(RSA_DER, (der) => der.subarray(0, 100)), "asn1: syntax error: data truncated"],
    ["bytes after the request", edited(ED25519_DER, (der) => Buffer.concat([der, Buffer.from([0, 0])])), "asn1: syntax error: trailing data"],
    ["an indefinite length", Buffer.from("30800201000000", "hex"), "asn1: syntax error: indefinite length found (not DER)"],
    ["a length in long form below 128", Buffer.from("3081030201000000", "hex"), "asn1: structure error: non-minimal length"],
    ["a header cut short", Buffer.from("30", "hex"), "asn1: syntax error: truncated tag or length"],
    [
      "a version that is not an INTEGER",
      edited(ED25519_DER, (der) => void (der[der.indexOf("020100", 0, "hex")] = 0x04)),
      `asn1: structure error: tags don't match (2 vs {class:0 tag:4 length:1 isCompound:false}) ${TAGS_DONT_MATCH_PARAMS} int @2`,
    ],
    ["an empty SEQUENCE", Buffer.from("3000", "hex"), "asn1: syntax error: sequence truncated"],
  ];
  it.each(rejected)("rejects %s", (_name, der, message) => {
    const request = pemRequest(der);
    expect(createPathMessages(csr(`request: ${request}, usages: [client auth], signerName: example.com/x`))).toEqual([`spec.request: Invalid value: "${request}": ${message}`]);
  });
});
