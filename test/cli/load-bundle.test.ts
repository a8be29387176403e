// bin/load-bundle.js runs a script of dist/bundle/ with V8's code cache
// beside it: a cache is written by a run without one, used by the next, and
// one that is corrupt, cut short, made by another V8 or for another version
// of the script is not used, and is written anew.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";

const LOADER = pathToFileURL(join(import.meta.dirname, "..", "..", "bin", "load-bundle.js")).href;

const SCRIPT = 'exports.answer = (question) => `${question}: ${given}, from ${kubeplanBundleUrl.slice(kubeplanBundleUrl.lastIndexOf("/") + 1)}`;';

/** A script in a directory of its own, run once so that its cache is written. */
function scriptWithCache(): string {
  const file = join(mkdtempSync(join(tmpdir(), "kubeplan-cache-")), "script.cjs");
  writeFileSync(file, SCRIPT);
  run(file);
  return file;
}

/** The script's answer, from a process of its own (V8 keeps what it compiled for the process's life). */
function run(file: string): string {
  const program = `import { loadScript } from ${JSON.stringify(LOADER)};
    process.stdout.write(loadScript(${JSON.stringify(file)}, { given: 42 }).answer("the answer"));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" });
  return child.stdout + child.stderr;
}

/** The cache file's identity: it changes when the cache is written anew (a rename). */
const identity = (file: string) => statSync(`${file}.cache`).ino;

/** Whether the cache holds a checksum of its data, as one kubeplan wrote. */
function isSound(file: string): boolean {
  const bytes = readFileSync(`${file}.cache`);
  return bytes.length > 16 && bytes.readUInt32LE(0) === crc32(bytes.subarray(16));
}

describe("load-bundle", () => {
  it("runs a script with the names given to it and its own URL, and writes its cache beside it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "kubeplan-cache-")), "script.cjs");
    writeFileSync(file, SCRIPT);
    expect(run(file)).toBe("the answer: 42, from script.cjs");
    expect(isSound(file)).toBe(true);
  });

  it("uses a sound cache and leaves it as it is", () => {
    const file = scriptWithCache();
    const before = identity(file);
    expect(run(file)).toBe("the answer: 42, from script.cjs");
    expect(identity(file)).toBe(before);
  });

  it("writes the cache as the process exits, with the functions the run compiled after the script's top level", () => {
    // A function V8 compiles only when it is called: the cache of a run that called it holds its code too.
    const body = Array.from({ length: 200 }, (_, i) => `total += ${i} * value;`).join(" ");
    const source = `exports.answer = (question) => question; exports.work = (value) => { let total = 0; ${body} return total; };`;
    const cacheSize = (call: string) => {
      const file = join(mkdtempSync(join(tmpdir(), "kubeplan-cache-")), "script.cjs");
      writeFileSync(file, source);
      const program = `import { loadScript } from ${JSON.stringify(LOADER)};
        const script = loadScript(${JSON.stringify(file)});
        ${call}`;
      spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" });
      return statSync(`${file}.cache`).size;
    };
    expect(cacheSize("script.work(2);")).toBeGreaterThan(cacheSize("script.answer(1);") + 500);
  });

  it("runs scripts loaded one after another as each is written, a longer one before a shorter, and text beyond ASCII", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeplan-cache-"));
    const scripts = [
      ["long.cjs", `exports.answer = () => "long ${"x".repeat(100_000)}".length;`],
      ["short.cjs", 'exports.answer = () => "short";'],
      ["utf8.cjs", 'exports.answer = () => "größe";'],
    ];
    for (const [name, text] of scripts) writeFileSync(join(dir, name!), text!);
    // Twice: once writing the caches, once reading them.
    const program = `import { loadScript } from ${JSON.stringify(LOADER)};
      const answers = ${JSON.stringify(scripts.map(([name]) => join(dir, name!)))}.map((file) => loadScript(file).answer());
      process.stdout.write(JSON.stringify(answers));`;
    const runTwice = () => [0, 1].map(() => spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" }).stdout);
    expect(runTwice()).toEqual(Array(2).fill(JSON.stringify([100_005, "short", "größe"])));
  });

  it("writes again, as a run that lacked a cache exits, each cache it used that holds less than the run compiled, with the functions of both runs", () => {
    // Two functions V8 compiles only when they are called.
    const work = (name: string) => `exports.${name} = (value) => { let total = 0; ${Array.from({ length: 200 }, (_, i) => `total += ${i} * value;`).join(" ")} return total; };`;
    const source = `exports.answer = (question) => question; ${work("first")} ${work("second")}`;
    const dir = mkdtempSync(join(tmpdir(), "kubeplan-cache-"));
    /** Runs a process that loads main.cjs, then the scripts named (each without a cache the first time), then calls main's `call`. */
    const runMain = (main: string, others: string[], call: string) => {
      const program = `import { loadScript } from ${JSON.stringify(LOADER)};
        const main = loadScript(${JSON.stringify(main)});
        for (const file of ${JSON.stringify(others.map((name) => join(dir, name)))}) loadScript(file);
        main.${call}(2);`;
      spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" });
    };
    for (const name of ["kind-a.cjs", "kind-b.cjs"]) writeFileSync(join(dir, name), "exports.answer = () => 1;");
    const main = join(dir, "main.cjs");
    writeFileSync(main, source);
    runMain(main, [], "first");
    const made = statSync(`${main}.cache`);
    // Lacking no cache, a run does not look: second() is compiled again by every such run.
    runMain(main, [], "second");
    expect(identity(main)).toBe(made.ino);
    // Lacking kind-a's cache, a run writes main's again: it holds first() and second().
    runMain(main, ["kind-a.cjs"], "second");
    const grown = statSync(`${main}.cache`);
    const secondOnly = join(mkdtempSync(join(tmpdir(), "kubeplan-cache-")), "main.cjs");
    writeFileSync(secondOnly, source);
    runMain(secondOnly, [], "second");
    expect([grown.ino === made.ino, grown.size > statSync(`${secondOnly}.cache`).size + 500]).toEqual([false, true]);
    // Lacking kind-b's cache but compiling nothing main's cache lacks, a run leaves main's as it is.
    runMain(main, ["kind-b.cjs"], "first");
    expect(identity(main)).toBe(grown.ino);
    expect(isSound(main)).toBe(true);
  });

  const spoil: Array<[string, (file: string) => void]> = [
    ["corrupt", (file) => {
      const bytes = readFileSync(`${file}.cache`);
      bytes[bytes.length - 8] ^= 0xff;
      writeFileSync(`${file}.cache`, bytes);
    }],
    ["cut short", (file) => writeFileSync(`${file}.cache`, readFileSync(`${file}.cache`).subarray(0, 12))],
    ["made by another V8 (a sound checksum of foreign data)", (file) => {
      const bytes = readFileSync(`${file}.cache`);
      const data = Buffer.alloc(bytes.length - 16, 0x5a);
      bytes.writeUInt32LE(crc32(data), 0);
      writeFileSync(`${file}.cache`, Buffer.concat([bytes.subarray(0, 16), data]));
    }],
    ["made for the script before it changed", (file) => utimesSync(file, new Date(), new Date(Date.now() + 5_000))],
  ];

  it.each(spoil)("does not use a cache %s: the script runs and the cache is written anew", (_, damage) => {
    const file = scriptWithCache();
    damage(file);
    const before = identity(file);
    expect(run(file)).toBe("the answer: 42, from script.cjs");
    expect(identity(file)).not.toBe(before);
    expect(isSound(file)).toBe(true);
  });
});
