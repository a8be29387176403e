// Path patterns of the config file's `skipPaths`: `*` within a path segment,
// `**` across segments, `?` one character; a pattern ending in `/` matches
// everything under that directory.

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

export function globToRegExp(pattern: string): RegExp {
  const normalized = pattern.endsWith("/") ? pattern + "**" : pattern;
  let source = "";
  for (let i = 0; i < normalized.length; i++) {
    const char = normalized[i]!;
    if (char === "*" && normalized[i + 1] === "*") {
      // `**/` matches zero or more directories; a trailing `**` everything.
      source += normalized[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += normalized[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

export function matchesAnyGlob(path: string, patterns: readonly RegExp[]): boolean {
  const slashed = path.replace(/\\/g, "/").replace(/^\.\//, "");
  return patterns.some((pattern) => pattern.test(slashed));
}
