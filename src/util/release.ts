// Kubernetes release comparisons ("1.29" <= "1.36"), for behaviour that changed between releases.

/** Parsed releases: a run compares a handful of them, on hot paths (every pod a plan creates). */
const parsed = new Map<string, readonly [number, number]>();
const MAX_PARSED = 64;

function parse(version: string): readonly [number, number] {
  const known = parsed.get(version);
  if (known) return known;
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  const release = match ? ([Number(match[1]), Number(match[2])] as const) : ([1, 999] as const);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(version, release);
  return release;
}

/** Whether `version` is `minimum` or newer; an unreadable version counts as the newest. */
export function atLeast(version: string, minimum: string): boolean {
  // By index: destructuring goes through an iterator, on a path every object takes.
  const have = parse(version);
  const want = parse(minimum);
  return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
}
