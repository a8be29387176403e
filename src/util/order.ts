// The order output is sorted in, so that the same input gives the same bytes.

/** Go's sort.Strings order (byte-wise for ASCII, code-unit order otherwise). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
