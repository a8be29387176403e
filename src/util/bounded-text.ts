// Messages quote what the input says (a kind, a key, a value), and the input
// can be megabytes long: a message keeps the start and end of each long word
// it quotes, and no message is longer than a screenful.

/** Runs of non-blank characters: each maximal run matched once, so the scan is linear. */
const WORD = /\S+/g;
/** Words longer than this are shortened. */
const MAX_WORD_LENGTH = 160;
const WORD_HEAD = 120;
const WORD_TAIL = 20;
/** Longest message kept whole, after its long words are shortened. */
export const MAX_MESSAGE_LENGTH = 2000;
const MESSAGE_TAIL = 400;

/** `aaaa…[10485700 more]…aaaa"`: the start, how much was left out, the end (a closing quote stays). */
function shortenWord(word: string): string {
  if (word.length <= MAX_WORD_LENGTH) return word;
  const omitted = word.length - WORD_HEAD - WORD_TAIL;
  return `${word.slice(0, WORD_HEAD)}…[${omitted} characters]…${word.slice(-WORD_TAIL)}`;
}

/**
 * A message (or a name shown as a title) no longer than MAX_MESSAGE_LENGTH (about): long words cut in
 * their middle, then, if it is still too long (a quoted value with spaces),
 * the message itself cut in its middle so that its end (a "did you mean",
 * a hint) stays.
 */
export function boundedText(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  const shorter = message.replace(WORD, shortenWord);
  if (shorter.length <= MAX_MESSAGE_LENGTH) return shorter;
  const omitted = shorter.length - (MAX_MESSAGE_LENGTH - MESSAGE_TAIL) - MESSAGE_TAIL;
  return `${shorter.slice(0, MAX_MESSAGE_LENGTH - MESSAGE_TAIL)}…[${omitted} characters]…${shorter.slice(-MESSAGE_TAIL)}`;
}
