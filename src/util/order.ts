// The order output is sorted in, so that the same input gives the same bytes.

/**
 * Go's `<` on strings (sort.Strings, fmtsort): UTF-8 byte order, which is
 * code point order. UTF-16 units are in that order too but for surrogates,
 * the halves of code points past U+FFFF, which must sort after every other
 * unit: so units are compared, surrogates raised above U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const left = a.charCodeAt(i);
    const right = b.charCodeAt(i);
    if (left !== right) return codePointRank(left) - codePointRank(right);
  }
  return a.length - b.length;
}

/** A UTF-16 unit's place in code point order: a surrogate stands for a code point past U+FFFF. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2800 : unit;
}
