// Plain scalars are typed as the composer types them under
// KUBERNETES_YAML_OPTIONS (go-yaml v2's YAML 1.1): the quick check that
// leaves most words untried must never leave out a text some tag claims.
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { typePlainScalar } from "../../src/load/plain-scalars.js";
import { KUBERNETES_YAML_OPTIONS } from "../../src/load/yaml-options.js";

/** What the composer makes of `text` written as a plain value. */
function composed(text: string): unknown {
  return (parseDocument(`v: ${text}\n`, KUBERNETES_YAML_OPTIONS).toJS() as { v: unknown }).v;
}

// Texts some tag claims, and texts close to them.
const TAGGED = [
  "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
  "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "0", "-0", "+7", "12", "0644", "0o17", "0x1F",
  "0b101", "1_000", "1.5", ".5", "1e3", "6.02e+23", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1:20", "2024-01-02",
];
const WORDS = ["app", "web-1", "registry.example.com/web:1.0", "info", "TCP", "http", "Always", "e5", "_x", "@x", "=", "a b"];

describe("typePlainScalar", () => {
  it.each([...TAGGED, ...WORDS])("types %j as the composer does", (text) => {
    expect(typePlainScalar(text, false)).toStrictEqual(composed(text));
  });

  // Every printable first character before every tail a tag could claim: a text typed by a tag starts with one the check lets through.
  const tails = [...new Set(TAGGED.flatMap((text) => [text, text.slice(1)]))];
  const firsts = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => !"#&*!|>'\"%@`,[]{}?: -".includes(c));
  it(`types ${firsts.length * tails.length} texts made of a first character and a tail as the composer does`, () => {
    for (const first of firsts) {
      for (const tail of tails) {
        const text = first + tail;
        expect(typePlainScalar(text, false), text).toStrictEqual(composed(text));
      }
    }
  });
});
