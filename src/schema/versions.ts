// The Kubernetes releases whose schemas ship in schemas/.

export const SUPPORTED_VERSIONS: string[] = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"];
export const DEFAULT_KUBERNETES_VERSION = "1.36";

/** "1.36", "v1.36" and "1.36.2" all name release 1.36; undefined when it is not one we ship. */
export function normalizeKubernetesVersion(version: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!match) return undefined;
  const release = `${Number(match[1])}.${Number(match[2])}`;
  return SUPPORTED_VERSIONS.includes(release) ? release : undefined;
}

/** Orders releases numerically ("1.9" < "1.30"). */
export function compareReleases(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** The newest release whose schemas ship. */
export const NEWEST_BUNDLED_VERSION = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]!;

/**
 * A 1.x release newer than every bundled one (`1.37`, `v1.37.1`): it serves
 * at least the kinds of the newest bundled release, whose schemas stand in for it.
 */
export function newerThanBundled(version: string): string | undefined {
  const match = /^v?1\.(\d{1,4})(?:\.\d+)?$/.exec(version.trim());
  if (!match) return undefined;
  const release = `1.${Number(match[1])}`;
  return compareReleases(release, NEWEST_BUNDLED_VERSION) > 0 ? release : undefined;
}
