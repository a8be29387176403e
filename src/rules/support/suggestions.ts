// Fix suggestions for names: the nearest name of a DNS syntax. The nearest known
// value of a misspelt one is util/suggest.ts `closest`.

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
