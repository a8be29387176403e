// The config file, `.kubeplan.yaml`: found upward from the working directory,
// or named with --config. Every key is checked; a wrong one is an error that
// names it, never a silent default.
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { nearest } from "../util/suggest.js";
import { ConfigError } from "./config-error.js";
import type { RuleSetting } from "../validate/options.js";

export const CONFIG_FILE_NAMES = [".kubeplan.yaml", ".kubeplan.yml"];

export interface KubeplanConfig {
  /** Where it was read from. */
  file: string;
  kubernetesVersion?: string;
  /** CRD files or directories, resolved against the config file's directory. */
  crds?: string[];
  ignoreMissingSchemas?: boolean;
  /** JSON-schema catalogs of custom resources (`--schema-location`). */
  schemaLocations?: string[];
  skipKinds?: string[];
  /** Glob patterns, relative to the config file's directory. */
  skipPaths?: string[];
  rules?: Record<string, RuleSetting>;
  namespace?: string;
}

export { ConfigError };

const SETTINGS: readonly RuleSetting[] = ["off", "info", "warning", "error"];
const KEYS = ["kubernetesVersion", "crds", "schemaLocations", "ignoreMissingSchemas", "skipKinds", "skipPaths", "rules", "namespace"] as const;

function didYouMean(value: string, candidates: Iterable<string>): string {
  const suggestion = nearest(value, candidates);
  return suggestion ? ` (did you mean "${suggestion}"?)` : "";
}

function stringList(file: string, key: string, value: unknown): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) {
    throw new ConfigError(`${file}: ${key}: must be a list of strings`);
  }
  return list as string[];
}

function ruleSettings(file: string, value: unknown, knownRules: ReadonlySet<string>): Record<string, RuleSetting> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(`${file}: rules: must map rule ids to one of ${SETTINGS.join(", ")}`);
  }
  const out: Record<string, RuleSetting> = {};
  for (const [rule, setting] of Object.entries(value)) {
    if (!knownRules.has(rule)) throw new ConfigError(`${file}: rules.${rule}: unknown rule${didYouMean(rule, knownRules)}; \`kubeplan rules\` lists them`);
    // YAML 1.1 reads an unquoted `off` as false.
    const normalized = setting === false ? "off" : setting;
    if (!SETTINGS.includes(normalized as RuleSetting)) {
      throw new ConfigError(`${file}: rules.${rule}: must be one of ${SETTINGS.join(", ")}, got ${JSON.stringify(setting)}`);
    }
    out[rule] = normalized as RuleSetting;
  }
  return out;
}

/** A top-level scalar as written (`1.30`), before YAML read it as a number (1.3). */
function writtenScalar(text: string, key: string): string | undefined {
  return new RegExp(`^${key}:[ \\t]*([^\\s#]+)`, "m").exec(text)?.[1];
}

/** Parses and checks a config file's text. Paths in it are made relative to the working directory. */
export function parseConfig(text: string, file: string, knownRules: ReadonlySet<string>): KubeplanConfig {
  let raw: unknown;
  try {
    raw = parse(text, { version: "1.1" }) ?? {};
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: must be a mapping of settings`);
  const config: KubeplanConfig = { file };
  const base = dirname(file);
  const fromBase = (path: string) => relative(process.cwd(), isAbsolute(path) ? path : resolve(base, path)) || ".";
  for (const [key, value] of Object.entries(raw)) {
    switch (key as (typeof KEYS)[number]) {
      case "kubernetesVersion":
        if (typeof value === "number") {
          const written = writtenScalar(text, key) ?? String(value);
          const reading = written === String(value) ? "it as a number" : `${written} as the number ${value}`;
          throw new ConfigError(`${file}: kubernetesVersion: quote the version ("${written}"): YAML reads ${reading}`);
        }
        if (typeof value !== "string") throw new ConfigError(`${file}: kubernetesVersion: must be a version such as "1.33"`);
        config.kubernetesVersion = value;
        break;
      case "crds":
        config.crds = stringList(file, key, value).map(fromBase);
        break;
      case "schemaLocations":
        // Relative directories are the config file's; templates keep their placeholders.
        config.schemaLocations = stringList(file, key, value).map(fromBase);
        break;
      case "ignoreMissingSchemas":
        if (typeof value !== "boolean") throw new ConfigError(`${file}: ignoreMissingSchemas: must be true or false`);
        config.ignoreMissingSchemas = value;
        break;
      case "skipKinds":
        config.skipKinds = stringList(file, key, value);
        break;
      case "skipPaths":
        config.skipPaths = stringList(file, key, value).map((pattern) => relative(process.cwd(), resolve(base, pattern)).replace(/\\/g, "/") + (pattern.endsWith("/") ? "/" : ""));
        break;
      case "rules":
        config.rules = ruleSettings(file, value, knownRules);
        break;
      case "namespace":
        if (typeof value !== "string" || value === "") throw new ConfigError(`${file}: namespace: must be a namespace name`);
        config.namespace = value;
        break;
      default:
        throw new ConfigError(`${file}: unknown key "${key}"${didYouMean(key, KEYS)}; known keys are ${KEYS.join(", ")}`);
    }
  }
  return config;
}

/** The nearest `.kubeplan.yaml` from `start` upward, if any. */
export function findConfigFile(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads the config named by --config, or the one found upward; none is fine. */
export function loadConfig(explicit: string | undefined, knownRules: ReadonlySet<string>): KubeplanConfig | undefined {
  const file = explicit ?? findConfigFile(process.cwd());
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read config file "${file}": ${code === "ENOENT" ? "no such file or directory" : (error as Error).message}`);
  }
  return parseConfig(text, relative(process.cwd(), file) || file, knownRules);
}
