// Label selectors as kubectl's `-l` writes them (`app=web,tier in (a,b),!legacy`),
// read into requirements (k8s.io/apimachinery/pkg/labels Parse): what
// `--prune-selector`, `kubectl delete -l`, `drain --pod-selector` and
// `create poddisruptionbudget --selector` take.
type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | "<" | ">";

export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function parseRequirement(text: string): SelectorRequirement {
  let match = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(text);
  if (match) {
    const values = match[3]!.split(",").map((v) => v.trim());
    return { key: match[1]!, operator: match[2] as "in" | "notin", values: [...new Set(values)].sort() };
  }
  match = /^([^!=<>\s]+)\s*(==|=|!=|<|>)\s*(\S*)$/.exec(text);
  if (match) return { key: match[1]!, operator: match[2] as SelectorOperator, values: [match[3]!] };
  if (text.startsWith("!")) return { key: text.slice(1).trim(), operator: "!", values: [] };
  if (/^\S+$/.test(text)) return { key: text, operator: "exists", values: [] };
  throw new Error(`unable to parse requirement: ${JSON.stringify(text)}`);
}

/** The requirements of a selector; throws on a malformed one. */
export function parseSelectorRequirements(selector: string): SelectorRequirement[] {
  return splitTopLevel(selector).map(parseRequirement);
}

function matchesRequirement(requirement: SelectorRequirement, labels: Labels): boolean {
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case "in":
      return value !== undefined && requirement.values.includes(value);
    case "notin":
      return value === undefined || !requirement.values.includes(value);
    case "!=":
      return value !== requirement.values[0];
    case "<":
      return value !== undefined && Number(value) < Number(requirement.values[0]);
    case ">":
      return value !== undefined && Number(value) > Number(requirement.values[0]);
    case "exists":
      return value !== undefined;
    case "!":
      return value === undefined;
    default:
      return value === requirement.values[0];
  }
}

export function matchesRequirements(requirements: readonly SelectorRequirement[], labels: Labels): boolean {
  return requirements.every((requirement) => matchesRequirement(requirement, labels));
}
