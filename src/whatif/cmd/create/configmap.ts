// `kubectl create configmap NAME --from-literal=key=value [--from-file=[key=]path]`
// and `kubectl create secret generic` (create_configmap.go, create_secret.go):
// keys checked as the API server checks them, each key once; files read
// from the paths given, as kubectl reads them.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { isConfigMapKey } from "../../../apiserver/apimachinery/validation.js";
import type { KubeObject } from "../../../types.js";
import { UsageError } from "../../../validate/index.js";
import { COMMON_FLAGS, CREATE_FLAGS, type CommandContext, type Verb } from "../../kubectl/command.js";
import { listFlag, type ParsedFlags } from "../../kubectl/flags.js";
import { createAndPrint, nameFromCommandArgs, objectMeta } from "./shared.js";

/** kubectl refuses nothing by size; the plan reads at most this much of one file. */
const MAX_FILE_BYTES = 1024 * 1024;

/** util.ParseLiteralSource: split at the first `=`, which cannot lead. */
function parseLiteralSource(source: string): [string, string] {
  const equals = source.indexOf("=");
  if (equals <= 0) throw new UsageError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, equals), source.slice(equals + 1)];
}

/** util.ParseFileSource: `path` (key: its base name) or `key=path`. */
function parseFileSource(source: string): [string, string] {
  const separators = source.split("=").length - 1;
  if (separators === 0) return [basename(source), source];
  if (separators === 1 && source.startsWith("=")) throw new UsageError(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith("=")) throw new UsageError(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) throw new UsageError("key names or file paths cannot contain '='");
  return source.split("=") as [string, string];
}

function readSource(path: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new UsageError(`error reading ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (error as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new UsageError(`error reading ${path}: larger than ${MAX_FILE_BYTES} bytes, which the plan does not read`);
  return readFileSync(path);
}

/** What a ConfigMap or Secret holds before it is written out: text values, and bytes that are not UTF-8. */
export interface KeyedData {
  /** `ConfigMap "x"` or `Secret`: how the duplicate-key error names the object. */
  owner: "ConfigMap" | "Secret";
  name: string;
  data: Map<string, Buffer>;
}

function addKey(target: KeyedData, key: string, value: Buffer): void {
  const errors = isConfigMapKey(key);
  if (target.owner === "ConfigMap") {
    if (errors.length > 0) throw new UsageError(`"${key}" is not a valid key name for a ConfigMap: ${errors.join(",")}`);
    if (target.data.has(key)) throw new UsageError(`cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${target.name}"`);
  } else {
    if (errors.length > 0) throw new UsageError(`"${key}" is not valid key name for a Secret ${errors.join(";")}`);
    if (target.data.has(key)) throw new UsageError(`cannot add key ${key}, another key by that name already exists`);
  }
  target.data.set(key, value);
}

/** --from-file sources, then --from-literal ones (the order kubectl adds them in differs by kind: the caller picks). */
export function addFileSources(target: KeyedData, sources: readonly string[]): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // readSource reports the path as kubectl does.
    }
    if (!isDirectory) {
      addKey(target, key, readSource(path));
      continue;
    }
    if (source.includes("=")) throw new UsageError("cannot give a key name for a directory path");
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isFile()) addKey(target, entry.name, readSource(join(path, entry.name)));
    }
  }
}

export function addLiteralSources(target: KeyedData, sources: readonly string[]): void {
  for (const source of sources) {
    const [key, value] = parseLiteralSource(source);
    addKey(target, key, Buffer.from(value, "utf8"));
  }
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function createConfigMap(ctx: CommandContext, parsed: ParsedFlags, name: string): KubeObject {
  const target: KeyedData = { owner: "ConfigMap", name, data: new Map() };
  addFileSources(target, listFlag(parsed, "from-file"));
  addLiteralSources(target, listFlag(parsed, "from-literal"));
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  for (const [key, value] of target.data) {
    if (isUtf8(value)) data[key] = value.toString("utf8");
    else binaryData[key] = value.toString("base64");
  }
  const configMap: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: objectMeta(ctx, name) };
  if (Object.keys(data).length > 0) configMap.data = data;
  if (Object.keys(binaryData).length > 0) configMap.binaryData = binaryData;
  return configMap;
}

export const SOURCE_FLAGS = [
  { name: "from-file", type: "stringSlice" },
  { name: "from-literal", type: "stringArray" },
  { name: "from-env-file", type: "stringSlice", unsupported: "give the keys with --from-literal or --from-file" },
  { name: "append-hash", type: "bool", unsupported: "the hash kubectl appends is not computed" },
] as const;

export const createConfigMapVerb: Verb = {
  name: "create configmap",
  aliases: ["create cm"],
  flags: [...COMMON_FLAGS, ...CREATE_FLAGS, ...SOURCE_FLAGS],
  run(ctx, parsed) {
    const name = nameFromCommandArgs(parsed);
    return createAndPrint(ctx, createConfigMap(ctx, parsed, name), "failed to create configmap: ");
  },
};
