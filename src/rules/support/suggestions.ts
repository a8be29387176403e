// Fix suggestions: the nearest valid spelling of a name, the closest known value.

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidate closest to `value` when it is a plausible typo (distance at most a third of the length, min 2). */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(value.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

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
