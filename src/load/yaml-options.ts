// How Kubernetes reads YAML: kubectl and the API server decode manifests with
// go-yaml v2 (via sigs.k8s.io/yaml), which resolves plain scalars with the
// YAML 1.1 rules: `yes`/`no`/`on`/`off` are booleans, `0644` is octal and
// `1_000` is an integer. It does not turn timestamps or `1:20` (sexagesimal)
// into anything but strings, and knows none of the 1.1 collection tags.
import { isScalar, type DocumentOptions, type ParseOptions, type ScalarTag, type SchemaOptions, type Tags } from "yaml";

const DROPPED_TAGS = new Set([
  "tag:yaml.org,2002:timestamp",
  "tag:yaml.org,2002:binary",
  "tag:yaml.org,2002:omap",
  "tag:yaml.org,2002:pairs",
  "tag:yaml.org,2002:set",
]);

const FLOAT = "tag:yaml.org,2002:float";

/**
 * go-yaml resolves a plain scalar as a float only when Go's ParseFloat reads
 * it, which needs a digit before any exponent: `.` (the "whole item" key of
 * managedFields) and `e5` stay strings, where the 1.1 regular expressions
 * would make them NaN.
 */
function withDigit(tag: Tags[number]): Tags[number] {
  const test = (tag as { test?: unknown }).test;
  if (typeof tag !== "object" || tag.tag !== FLOAT || !(test instanceof RegExp) || /inf|nan/i.test(test.source)) return tag;
  return { ...tag, test: new RegExp("^(?=[-+]?\\.?[0-9])" + test.source.replace(/^\^/, ""), test.flags) } as Tags[number];
}

const NUMBER_TAGS = new Set(["tag:yaml.org,2002:int", "tag:yaml.org,2002:float"]);

/**
 * go-yaml keeps a number it cannot hold in a float64 (`1e1000000`, 400
 * digits) as the string it is written as; the yaml package would make it
 * Infinity. `.inf` itself stays infinite.
 */
function withinFloat64(tag: Tags[number]): Tags[number] {
  if (typeof tag !== "object" || !NUMBER_TAGS.has(tag.tag) || !("resolve" in tag) || (tag as ScalarTag).test?.test(".inf")) return tag;
  const scalarTag = tag as ScalarTag;
  return {
    ...scalarTag,
    resolve(text: string, onError: (message: string) => void, options: Parameters<ScalarTag["resolve"]>[2]) {
      const resolved = scalarTag.resolve(text, onError, options);
      const value = isScalar(resolved) ? resolved.value : resolved;
      return typeof value === "number" && !Number.isFinite(value) ? text : resolved;
    },
  };
}

const INT64_MIN = -(2n ** 63n);
const INT64_END = 2n ** 63n;
const UINT64_END = 2n ** 64n;

/**
 * go-yaml reads an integer with Go's `strconv.ParseInt(text, 0, 64)` after
 * dropping underscores, so every prefix Go knows counts, in either case
 * (`0x1F`, `0X1F`, `0o17`, `0B101`); then `ParseUint` (no sign) for what
 * int64 cannot hold; a number neither holds stays the string it is written as.
 */
const goPrefixedInt: ScalarTag = {
  tag: "tag:yaml.org,2002:int",
  default: true,
  format: "HEX",
  // One run of digits and underscores: a test that also asked for a digit somewhere in it would backtrack quadratically.
  test: /^[-+]?0(?:[xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)$/,
  resolve(text: string) {
    const signed = text[0] === "-" || text[0] === "+";
    const digits = (signed ? text.slice(1) : text).replace(/_/g, "").toLowerCase();
    // `0x_`: underscores only, which ParseInt refuses.
    if (digits.length <= 2) return text;
    const magnitude = BigInt(digits);
    const value = text[0] === "-" ? -magnitude : magnitude;
    if (value >= INT64_MIN && value < INT64_END) return Number(value);
    return !signed && value < UINT64_END ? Number(value) : text;
  },
};

function kubernetesTags(tags: Tags): Tags {
  return [goPrefixedInt, ...tags]
    .filter((tag) => {
      if (typeof tag !== "object") return true;
      if (DROPPED_TAGS.has(tag.tag)) return false;
      // The 1.1 schema's sexagesimal int and float share their tags with the
      // plain ones; they are the ones formatted as TIME.
      return (tag as { format?: string }).format !== "TIME";
    })
    .map(withDigit)
    .map(withinFloat64);
}

export const KUBERNETES_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.1",
  customTags: kubernetesTags,
  // Repeated keys are found by duplicate-keys.ts, in linear time.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
  // Problems become findings; the library must not print warnings of its own.
  logLevel: "error",
};
