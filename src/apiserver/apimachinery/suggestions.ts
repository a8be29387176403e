// Fix suggestions for names, label keys and values: the nearest valid one. The
// API server does not suggest; these become a finding's `suggestion`. The
// nearest known value of a misspelt one is util/suggest.ts `closest`.
import { isLabelKey, isLabelValue } from "./validation.js";

export type DnsNameKind = "subdomain" | "label" | "dns1035";

/** The nearest name of the given DNS syntax (`My_App` → `my-app`), or undefined when there is none. */
export function toDnsName(value: string, kind: DnsNameKind): string | undefined {
  const max = kind === "subdomain" ? 253 : 63;
  const allowed = kind === "subdomain" ? /[^a-z0-9.-]/g : /[^a-z0-9-]/g;
  let name = value.toLowerCase().replace(allowed, "-").replace(/-+/g, "-");
  if (kind === "subdomain") name = name.replace(/\.{2,}/g, ".").replace(/-\./g, ".").replace(/\.-/g, ".");
  const trim = (text: string) => text.replace(/^[^a-z0-9]+/, "").replace(/[^a-z0-9]+$/, "");
  name = trim(name);
  if (kind === "dns1035") name = trim(name.replace(/^[^a-z]+/, ""));
  name = trim(name.slice(0, max));
  return name === "" || name === value ? undefined : name;
}

function fixLabelPart(text: string, max: number): string {
  return text.replace(/[^-A-Za-z0-9_.]/g, "-").slice(0, max).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}

/** The nearest valid label value ("my app" → "my-app"). */
export function toLabelValue(value: string): string | undefined {
  const fixed = fixLabelPart(value, 63);
  return fixed !== value && isLabelValue(fixed).length === 0 ? fixed : undefined;
}

/** The nearest valid label key ("My Key" → "My-Key", "Example.com/x" → "example.com/x"). */
export function toLabelKey(key: string): string | undefined {
  const slash = key.indexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash).toLowerCase().replace(/[^a-z0-9.-]/g, "-") : undefined;
  const name = fixLabelPart(slash >= 0 ? key.slice(slash + 1) : key, 63);
  const fixed = prefix !== undefined ? `${prefix}/${name}` : name;
  return fixed !== key && isLabelKey(fixed).length === 0 ? fixed : undefined;
}
