// Go's time.Duration as Go reads and prints it (kubectl's `--timeout=90s`
// is printed `1m30s`; CRD `duration` formats), to the millisecond.

// Go takes the micro sign (U+00B5) and the Greek mu (U+03BC).
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "\u00b5s": 1e-3, "\u03bcs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/y;

/** time.ParseDuration, in milliseconds; undefined when Go would refuse it. */
export function parseGoDuration(text: string): number | undefined {
  if (text === "0") return 0;
  const unsigned = text.replace(/^[+-]/, "");
  if (unsigned === "") return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < unsigned.length) {
    const at = PART.lastIndex;
    const match = PART.exec(unsigned);
    if (!match || match.index !== at) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  return text.startsWith("-") ? -total : total;
}

/** Duration.String, for a positive duration in milliseconds. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Number(((ms % 60_000) / 1000).toFixed(3));
  return `${hours > 0 ? `${hours}h` : ""}${hours > 0 || minutes > 0 ? `${minutes}m` : ""}${seconds}s`;
}
