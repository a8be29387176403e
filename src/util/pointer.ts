// JSON pointers (RFC 6901) and the kubectl-style paths shown in messages.

export type PathSegment = string | number;

export function escapeSegment(segment: PathSegment): string {
  const text = String(segment);
  // Most keys need no escape: no regular expression runs, no string is made.
  return text.includes("~") || text.includes("/") ? text.replace(/~/g, "~0").replace(/\//g, "~1") : text;
}

export function toPointer(segments: readonly PathSegment[]): string {
  let pointer = "";
  for (let i = 0; i < segments.length; i++) pointer += "/" + escapeSegment(segments[i]!);
  return pointer;
}

/** Splits a pointer into its unescaped segments ("" is the whole document). */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function joinPointer(base: string, ...segments: PathSegment[]): string {
  return base + toPointer(segments);
}

/** The pointer of the object or list that holds the value at `pointer` ("" for a top-level field). */
export function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

const PLAIN_FIELD = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Renders a path as kube-apiserver field errors do:
 * `spec.template.spec.containers[0].image`, map keys with dots as `[app.kubernetes.io/name]`.
 */
export function kubectlPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number" || /^\d+$/.test(segment)) {
      out += `[${segment}]`;
    } else if (PLAIN_FIELD.test(segment)) {
      out += out === "" ? segment : "." + segment;
    } else {
      out += `[${segment}]`;
    }
  }
  return out;
}

/** Reads the value at `pointer` inside `root`, or undefined. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of parsePointer(pointer)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
