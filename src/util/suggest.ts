// "Did you mean": edit distance and the nearest candidate to a misspelt word.
// `nearest` is the schema layer's choice (field names, enum values, kinds);
// `closest` the reference rules' looser one (names of ConfigMaps, ports, volumes).

export interface EditDistanceOptions {
  /** Whether swapping two neighbours costs 1 (optimal string alignment) rather than 2 (Levenshtein). Default true. */
  transpositions?: boolean;
}

/** Edit distance where insert, delete, substitute and (by default) swapping two neighbours each cost 1. */
export function editDistance(a: string, b: string, options: EditDistanceOptions = {}): number {
  const transpositions = options.transpositions ?? true;
  // Three rolling rows of the dynamic-programming table: the transposition looks two rows back.
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** How many edits still read as a typo of a word this long: 1 up to 5 letters, then a third of it. */
export function typoThreshold(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

export interface NearestOptions {
  /** Largest distance accepted (default: typoThreshold of the input). */
  maxDistance?: number;
}

/**
 * The candidate the input most likely meant: an exact case-insensitive match,
 * else characters that look alike (`ln` for `In`, `0` for `O`), else the closest
 * by optimal-string-alignment distance within the threshold (ties: same first
 * letter, then alphabetical, so the answer is deterministic). Never the input itself.
 */
export function nearest(input: string, candidates: Iterable<string>, options: NearestOptions = {}): string | undefined {
  const maxDistance = options.maxDistance ?? typoThreshold(input);
  // Only candidates about as long as the input can be within the distance: the others are not compared at all,
  // which bounds the work by the candidates' lengths however long the input (a 10 MB kind).
  const list = [...candidates].filter((candidate) => Math.abs(candidate.length - input.length) <= maxDistance);
  if (list.length === 0) return undefined;
  const lower = input.toLowerCase();
  const sameCase = list.filter((candidate) => candidate.toLowerCase() === lower && candidate !== input);
  if (sameCase.length > 0) return sameCase.sort()[0];
  const inputForm = lookalikeForm(input);
  const lookalike = list.filter((candidate) => candidate !== input && lookalikeForm(candidate) === inputForm);
  if (lookalike.length === 1) return lookalike[0];
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of list) {
    if (candidate === input) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > maxDistance) continue;
    if (!best || isBetter(candidate, distance, best, lower)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Lower case with look-alike characters folded together: l, I, 1 and | read as i; 0 as o. */
function lookalikeForm(word: string): string {
  return word.toLowerCase().replace(/[l1|]/g, "i").replace(/0/g, "o");
}

function isBetter(candidate: string, distance: number, best: { candidate: string; distance: number }, input: string): boolean {
  if (distance !== best.distance) return distance < best.distance;
  const firstLetter = (word: string) => (word[0]?.toLowerCase() === input[0] ? 0 : 1);
  const byLetter = firstLetter(candidate) - firstLetter(best.candidate);
  if (byLetter !== 0) return byLetter < 0;
  return candidate < best.candidate;
}

/**
 * The candidate closest to `value` by case-insensitive Levenshtein distance,
 * when it is a plausible typo (distance at most a third of the length, min 2);
 * ties go to the alphabetically first. An exact match is its own answer.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    // Farther apart in length than the limit: too far in distance too, and never compared.
    if (Math.abs(candidate.length - value.length) > limit) continue;
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase(), { transpositions: false });
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
