#!/usr/bin/env node
// How well kubeplan answers typos it has not seen: keys of real manifests
// misspelt at random (a letter dropped, two swapped, doubled, a keyboard
// neighbour, another case, a prefix), each document checked alone.
//
//   node scripts/typo-study.mjs [corpus-dir] [--seed N] [--cases N] [--fix-cases N]
//
// Prints, as JSON: how often the first suggestion is the key as it was; how
// often `kubeplan fix` leaves the misspelt document with no finding it did
// not have before (and the text as it was); and which unmodified corpus files
// `fix` would change (never one without errors). Needs `npm run compile` first.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { validate } from "../dist/index.js";
import { fixText } from "../dist/fix/fix-text.js";

export const MUTATIONS = ["deletion", "transposition", "case", "doubled", "neighbour", "prefix"];

const KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** A small seeded generator (mulberry32): the same seed, the same study. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];

function neighbourOf(rng, letter) {
  const lower = letter.toLowerCase();
  for (let row = 0; row < KEYBOARD.length; row++) {
    const at = KEYBOARD[row].indexOf(lower);
    if (at < 0) continue;
    const options = [KEYBOARD[row][at - 1], KEYBOARD[row][at + 1]].filter(Boolean);
    const chosen = pick(rng, options);
    return letter === lower ? chosen : chosen.toUpperCase();
  }
  return undefined;
}

/** The key misspelt one way, or undefined when that way does not apply to it. */
export function mutate(key, kind, rng) {
  const at = Math.floor(rng() * key.length);
  switch (kind) {
    case "deletion":
      return key.length > 3 ? key.slice(0, at) + key.slice(at + 1) : undefined;
    case "transposition": {
      const i = Math.min(at, key.length - 2);
      return key[i] !== key[i + 1] ? key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2) : undefined;
    }
    case "case":
      return /[A-Z]/.test(key.slice(1)) && rng() < 0.5 ? key.toLowerCase() : key[0] === key[0].toUpperCase() ? key[0].toLowerCase() + key.slice(1) : key[0].toUpperCase() + key.slice(1);
    case "doubled":
      return /[a-z]/i.test(key[at]) ? key.slice(0, at + 1) + key[at] + key.slice(at + 1) : undefined;
    case "neighbour": {
      const letter = neighbourOf(rng, key[at]);
      return letter ? key.slice(0, at) + letter + key.slice(at + 1) : undefined;
    }
    case "prefix": {
      // Where a word of a camelCase name ends (`target` for `targetPort`), as people cut names short.
      const ends = [...key.matchAll(/[a-z0-9](?=[A-Z])/g)].map((m) => m.index + 1).filter((end) => end >= 3);
      return ends.length > 0 ? key.slice(0, pick(rng, ends)) : undefined;
    }
    default:
      throw new Error(`unknown mutation ${kind}`);
  }
}

/** The keys of a document that can be misspelt in place: plain keys of block mappings, with their JSON pointers. */
function keysOf(text) {
  const doc = parseDocument(text, { version: "1.1", uniqueKeys: false });
  const out = [];
  const walk = (node, pointer) => {
    if (isMap(node)) {
      if (node.flow) return;
      const siblings = new Set(node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : "")));
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || pair.key.type !== "PLAIN" || !pair.key.range) continue;
        const name = String(pair.key.value);
        const escaped = name.replace(/~/g, "~0").replace(/\//g, "~1");
        if (/^[A-Za-z][A-Za-z0-9]+$/.test(name)) out.push({ name, pointer: `${pointer}/${escaped}`, range: pair.key.range, siblings });
        walk(pair.value, `${pointer}/${escaped}`);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, `${pointer}/${i}`));
    }
  };
  walk(doc.contents, "");
  return out;
}

/** The documents of a file, each a text of its own (split at `---` lines). */
function documentsOf(text) {
  return text.split(/^---[ \t]*(?:#.*)?$/m).filter((part) => /^kind:/m.test(part) && /^apiVersion:/m.test(part));
}

export function corpusFiles(dir) {
  const out = [];
  const walk = (at) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

const findingKey = (f) => `${f.rule} ${f.path} ${f.message}`;

async function findingsOf(text) {
  return (await validate({ text, file: "doc.yaml" })).findings.filter((f) => !f.suppressed);
}

/**
 * Typos over the documents of `files`: `cases` misspelt keys judged by their
 * first suggestion, the first `fixCases` of them also fixed.
 */
export async function studyTypos(files, { seed = 1, cases = 1000, fixCases = 300, log } = {}) {
  const rng = random(seed);
  const documents = files.flatMap((file) => documentsOf(readFileSync(file, "utf8")).map((text) => ({ file, text })));
  const baselines = new Map();
  const tally = { cases: 0, right: 0, undetected: 0, byMutation: {}, fixed: 0, restored: 0, fixTried: 0, misses: [] };
  for (let attempts = 0; tally.cases < cases && attempts < cases * 20; attempts++) {
    const document = pick(rng, documents);
    const keys = keysOf(document.text);
    if (keys.length === 0) continue;
    const key = pick(rng, keys);
    const kind = pick(rng, MUTATIONS);
    const typo = mutate(key.name, kind, rng);
    if (typo === undefined || typo === key.name || key.siblings.has(typo)) continue;
    let baseline = baselines.get(document.text);
    if (!baseline) baselines.set(document.text, (baseline = await findingsOf(document.text)));
    // The key must be one the schema knows as written (not a label, not an unknown field already).
    if (baseline.some((f) => f.path === key.pointer || f.rule.startsWith("yaml/") || f.rule === "schema/missing-schema" || f.rule === "schema/unknown-kind" || f.rule === "schema/removed-api")) continue;
    const text = document.text.slice(0, key.range[0]) + typo + document.text.slice(key.range[1]);
    const typoPointer = key.pointer.slice(0, key.pointer.lastIndexOf("/") + 1) + typo.replace(/~/g, "~0").replace(/\//g, "~1");
    const findings = await findingsOf(text);
    const found = findings.find((f) => f.path === typoPointer && f.rule === "schema/unknown-field");
    if (!found) {
      tally.undetected++;
      continue;
    }
    tally.cases++;
    const stats = (tally.byMutation[kind] ??= { cases: 0, right: 0 });
    stats.cases++;
    if (found.suggestion === key.name) {
      tally.right++;
      stats.right++;
    } else if (tally.misses.length < 50) {
      tally.misses.push({ file: document.file, kind, written: typo, meant: key.name, at: found.path, got: found.suggestion ?? null, message: found.message });
    }
    if (tally.fixTried < fixCases) {
      tally.fixTried++;
      const fixed = await fixText(text, "doc.yaml", {});
      const before = new Set(baseline.map(findingKey));
      if (fixed.remaining.every((f) => before.has(findingKey(f)))) tally.fixed++;
      if (fixed.text === document.text) tally.restored++;
    }
    log?.(tally);
  }
  return tally;
}

/**
 * Files of `files` that `kubeplan fix` changes as they are, with whether they
 * had errors: a file without errors must never change.
 */
export async function changedByFix(files) {
  const changed = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const fixed = await fixText(text, file, {});
    if (fixed.text === text) continue;
    const errors = (await validate({ text, file })).findings.filter((f) => f.severity === "error" && !f.suppressed).length;
    changed.push({ file, errors, fixes: fixed.applied.map((a) => `${a.finding.path}: ${a.description}`) });
  }
  return changed;
}

const percent = (part, whole) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const dir = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? join(fileURLToPath(new URL("..", import.meta.url)), "../shared/corpus");
  const files = corpusFiles(dir);
  const tally = await studyTypos(files, { seed: option("--seed", 1), cases: option("--cases", 1000), fixCases: option("--fix-cases", 300) });
  const unmodified = await changedByFix(files);
  const report = {
    corpus: { files: files.length },
    suggestions: { cases: tally.cases, rightFirst: tally.right, rightFirstPercent: percent(tally.right, tally.cases), undetected: tally.undetected },
    byMutation: Object.fromEntries(Object.entries(tally.byMutation).map(([kind, s]) => [kind, { cases: s.cases, rightFirstPercent: percent(s.right, s.cases) }])),
    fix: { cases: tally.fixTried, noNewFinding: tally.fixed, noNewFindingPercent: percent(tally.fixed, tally.fixTried), textRestored: tally.restored, textRestoredPercent: percent(tally.restored, tally.fixTried) },
    unmodified: {
      validFilesChanged: unmodified.filter((c) => c.errors === 0).length,
      filesWithErrorsFixed: unmodified.filter((c) => c.errors > 0).map((c) => ({ ...c, file: relative(dir, c.file) })),
    },
    misses: tally.misses.map((m) => ({ ...m, file: relative(dir, m.file) })),
  };
  console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
