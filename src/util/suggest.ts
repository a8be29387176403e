// "Did you mean": edit distance and the nearest candidate to a misspelt word.
// `nearest` is the schema layer's choice (field names, enum values, kinds),
// built from the stages below so that the schema layer can put its own
// (where a field belongs, the shape of its value) between them;
// `closest` the reference rules' looser one (names of ConfigMaps, ports, volumes).
//
// Every stage is bounded whatever the input (a 10 MB key): spellings are
// compared only with candidates of about the same length, and partial
// matches only for inputs no longer than a field name.

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

/** Candidates that can be within `maxDistance` edits of the input: the others differ more in length alone. */
function sameLength(input: string, candidates: readonly string[], maxDistance: number): string[] {
  return candidates.filter((candidate) => candidate !== input && Math.abs(candidate.length - input.length) <= maxDistance);
}

/** Lower case with look-alike characters folded together: l, I, 1 and | read as i; 0 as o. */
function lookalikeForm(word: string): string {
  return word.toLowerCase().replace(/[l1|]/g, "i").replace(/0/g, "o");
}

/**
 * The candidate that is the input in another case (`Replicas` → `replicas`),
 * else the one candidate it is with characters that look alike (`ln` → `In`).
 */
export function sameWord(input: string, candidates: readonly string[]): string | undefined {
  const list = sameLength(input, candidates, 0);
  if (list.length === 0) return undefined;
  const lower = input.toLowerCase();
  const sameCase = list.filter((candidate) => candidate.toLowerCase() === lower);
  if (sameCase.length > 0) return sameCase.sort()[0];
  const inputForm = lookalikeForm(input);
  const lookalike = list.filter((candidate) => lookalikeForm(candidate) === inputForm);
  return lookalike.length === 1 ? lookalike[0] : undefined;
}

export interface SpellingOptions {
  /** Largest distance accepted. */
  maxDistance: number;
  /** Candidates that win a tie (required fields not yet written). */
  preferred?: ReadonlySet<string>;
}

/**
 * The candidate closest by case-insensitive optimal-string-alignment distance,
 * within `maxDistance`. Ties go to a preferred candidate, then to the same
 * first letter, then to the alphabetically first, so the answer is deterministic.
 */
export function closeSpelling(input: string, candidates: readonly string[], options: SpellingOptions): string | undefined {
  const list = sameLength(input, candidates, options.maxDistance);
  if (list.length === 0) return undefined;
  const lower = input.toLowerCase();
  let best: Ranked | undefined;
  for (const candidate of list) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > options.maxDistance) continue;
    const ranked: Ranked = { candidate, distance, preferred: options.preferred?.has(candidate) ?? false, sameStart: candidate[0]?.toLowerCase() === lower[0] };
    if (!best || isBetter(ranked, best)) best = ranked;
  }
  return best?.candidate;
}

interface Ranked {
  candidate: string;
  distance: number;
  preferred: boolean;
  sameStart: boolean;
}

function isBetter(a: Ranked, b: Ranked): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.preferred !== b.preferred) return a.preferred;
  if (a.sameStart !== b.sameStart) return a.sameStart;
  return a.candidate < b.candidate;
}

/** Longer inputs are not field names, values or kinds: no partial match is looked for. */
const MAX_PARTIAL_INPUT = 64;
/** Shorter words match too much to say anything. */
const MIN_PREFIX = 3;
const MIN_CONTAINED = 4;

/**
 * The one candidate the input is a part of, or that is a part of the input,
 * ignoring case: a prefix first (`target` → `targetPort`, `imageName` →
 * `image`, `Rolling` → `RollingUpdate`), else a word contained
 * (`pullPolicy` → `imagePullPolicy`) where a word of it starts. Several matches of the same kind are
 * no answer, unless exactly one of them is preferred.
 */
export function partialMatch(input: string, candidates: readonly string[], preferred?: ReadonlySet<string>): string | undefined {
  if (input.length > MAX_PARTIAL_INPUT) return undefined;
  const lower = input.toLowerCase();
  const lowered = candidates.filter((c) => c !== input && c.toLowerCase() !== lower).map((candidate) => ({ candidate, lower: candidate.toLowerCase() }));
  const isPrefix = (a: string, b: string) => a.length >= MIN_PREFIX && b.startsWith(a);
  const prefixes = lowered.filter((c) => isPrefix(lower, c.lower) || isPrefix(c.lower, lower)).map((c) => c.candidate);
  if (prefixes.length > 0) return onlyOne(prefixes, preferred);
  const contained = lowered
    .filter((c) => (lower.length >= MIN_CONTAINED && containsWord(c.candidate, lower)) || (c.lower.length >= MIN_CONTAINED && containsWord(input, c.lower)))
    .map((c) => c.candidate);
  return contained.length > 0 ? onlyOne(contained, preferred) : undefined;
}

/** Whether `word` (lower case) is in `text` where a word of it starts: at a capital (`imagePullPolicy` has `pullpolicy`, `resizePolicy` no `size`). */
function containsWord(text: string, word: string): boolean {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(word, 1); at > 0; at = lower.indexOf(word, at + 1)) {
    if (/[A-Z]/.test(text[at]!)) return true;
  }
  return false;
}

function onlyOne(matches: readonly string[], preferred: ReadonlySet<string> | undefined): string | undefined {
  if (matches.length === 1) return matches[0];
  const wanted = matches.filter((match) => preferred?.has(match));
  return wanted.length === 1 ? wanted[0] : undefined;
}

export interface NearestOptions {
  /** Largest distance accepted (default: typoThreshold of the input). */
  maxDistance?: number;
  /** Whether a prefix or a contained word counts (default true; false for apiVersions, where `v1` is part of too many). */
  partial?: boolean;
  /** Candidates that win a tie. */
  preferred?: ReadonlySet<string>;
}

/**
 * The candidate the input most likely meant (nothing when the input is one of
 * them: it needs no correction): the same
 * word in another case or with look-alike characters, else a one-letter slip,
 * else the one candidate it is part of (or that is part of it), else the
 * closest spelling within the threshold.
 */
export function nearest(input: string, candidates: Iterable<string>, options: NearestOptions = {}): string | undefined {
  const list = [...candidates];
  if (list.includes(input)) return undefined;
  const maxDistance = options.maxDistance ?? typoThreshold(input);
  const spelling = (distance: number) => closeSpelling(input, list, { maxDistance: distance, preferred: options.preferred });
  return (
    sameWord(input, list) ??
    spelling(Math.min(1, maxDistance)) ??
    ((options.partial ?? true) ? partialMatch(input, list, options.preferred) : undefined) ??
    spelling(maxDistance)
  );
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
