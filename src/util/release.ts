// Kubernetes release comparisons ("1.29" <= "1.36"), for behaviour that changed between releases.

function parse(version: string): [number, number] {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : [1, 999];
}

/** Whether `version` is `minimum` or newer; an unreadable version counts as the newest. */
export function atLeast(version: string, minimum: string): boolean {
  const [major, minor] = parse(version);
  const [wantMajor, wantMinor] = parse(minimum);
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}
