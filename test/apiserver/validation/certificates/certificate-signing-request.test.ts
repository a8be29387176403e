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
