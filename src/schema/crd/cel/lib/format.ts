// Kubernetes' format library: `format.dns1123Label().validate(self)` is an
// optional list of the API server's own messages, none when the value is valid,
// in the words of the release the rules are evaluated for (lib/release.ts):
// qualifiedName and labelValue answer with api/validate/content's label checks,
// whose words changed in 1.35.
import type { Environment, Optional } from "@marcbachmann/cel-js";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue } from "../../../../apiserver/apimachinery/validation.js";
import { labelContentMessage } from "../../../../apiserver/field/release-details.js";
import { compileRe2 } from "../../../../util/re2.js";
import { requestURIError } from "../../../../util/go-url.js";
import { isDate, isDateTime } from "../../string-formats.js";
import { namespace } from "./namespace.js";
import { evaluatedRelease } from "./release.js";

type Check = (value: string) => string[];

/** A label check's messages in the words of the release being evaluated (the newest words outside an evaluation). */
const inReleaseWords = (check: Check): Check => (value) => {
  const messages = check(value);
  const release = evaluatedRelease();
  return release === undefined ? messages : messages.map((message) => labelContentMessage(message, release));
};

/** apimachinery's maskTrailingDash: a prefix (generateName) may end with '-'. */
const masked = (check: Check): Check => (value) => check(value.endsWith("-") ? value.slice(0, Math.max(0, value.length - 2)) + "a" : value);

const UUID = "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$";
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const FORMATS: Record<string, Check> = {
  dns1123Label: isDNS1123Label,
  dns1123Subdomain: isDNS1123Subdomain,
  dns1035Label: isDNS1035Label,
  qualifiedName: inReleaseWords(isLabelKey),
  dns1123LabelPrefix: masked(isDNS1123Label),
  dns1123SubdomainPrefix: masked(isDNS1123Subdomain),
  dns1035LabelPrefix: masked(isDNS1035Label),
  labelValue: inReleaseWords(isLabelValue),
  uri: (value) => {
    const error = requestURIError(value);
    return error === undefined ? [] : [error];
  },
  uuid: (value) => {
    const uuid = compileRe2(UUID);
    return "regex" in uuid && uuid.regex.test(value) ? [] : ["does not match the UUID format"];
  },
  byte: (value) => (value.length % 4 === 0 && BASE64.test(value) ? [] : ["invalid base64"]),
  // kube-openapi's strfmt, as the CRD formats date and date-time.
  date: (value) => (isDate(value) ? [] : ["invalid date"]),
  datetime: (value) => (isDateTime(value) ? [] : ["invalid datetime"]),
};

class Format {
  constructor(readonly check: Check) {}
}

export function registerFormat(env: Environment, optional: typeof Optional): void {
  env.registerType("kubernetes.NamedFormat", Format);
  const format = namespace(env, "format");
  for (const [name, check] of Object.entries(FORMATS)) {
    const value = new Format(check);
    env.registerFunction(`${format}.${name}(): kubernetes.NamedFormat`, () => value);
  }
  env.registerFunction(`${format}.named(string): optional<kubernetes.NamedFormat>`, (_ns: unknown, name: string) =>
    Object.hasOwn(FORMATS, name) ? optional.of(new Format(FORMATS[name]!)) : optional.none(),
  );
  env.registerFunction("kubernetes.NamedFormat.validate(string): optional<list<string>>", (f: Format, text: string) => {
    const errors = f.check(text);
    return errors.length === 0 ? optional.none() : optional.of(errors);
  });
}
