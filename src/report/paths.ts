// File names as CI systems want them: forward slashes, relative to the
// checkout, and as URIs for SARIF.

/** `k8s\web.yaml` and `./k8s/web.yaml` become `k8s/web.yaml`, as GitHub names files of a repository. */
export function slashPath(file: string): string {
  let path = file.replace(/\\/g, "/");
  while (path.startsWith("./")) path = path.slice(2);
  return path;
}

const WINDOWS_DRIVE = /^[A-Za-z]:\//;

function encodeSegments(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * SARIF `artifactLocation` of a file: a relative path is a relative URI
 * against `%SRCROOT%` (the repository root, for GitHub code scanning);
 * an absolute path becomes a `file:` URI. Each segment is percent-encoded,
 * so spaces, `%` or `<stdin>` still make a valid URI reference.
 */
export function artifactLocation(file: string): ArtifactLocation {
  const path = slashPath(file);
  if (WINDOWS_DRIVE.test(path)) return { uri: `file:///${path.slice(0, 2)}${encodeSegments(path.slice(2))}` };
  if (path.startsWith("/")) return { uri: `file://${encodeSegments(path)}` };
  return { uri: encodeSegments(path), uriBaseId: "%SRCROOT%" };
}
