// Text edits (by line and column, as findings carry them) made to a file's text.
import type { TextEdit } from "../types.js";

/** Offsets of the start of each line (1-based lines: index 0 is line 1). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}

/** The offset of a 1-based line and column: at most the line's break (or the end of the text). */
function offsetOf(starts: readonly number[], text: string, line: number, column: number): number | undefined {
  const start = starts[line - 1];
  if (start === undefined || column < 1) return undefined;
  const limit = line < starts.length ? starts[line]! - 1 : text.length;
  const offset = start + column - 1;
  return offset <= limit ? offset : undefined;
}

/**
 * `text` with the edits made, or undefined when one falls outside the text or
 * two overlap (an insertion may sit where another edit starts or ends).
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string | undefined {
  const starts = lineStarts(text);
  const byOffset: Array<{ start: number; end: number; text: string }> = [];
  for (const edit of edits) {
    const start = offsetOf(starts, text, edit.span.line, edit.span.column);
    const end = offsetOf(starts, text, edit.span.endLine, edit.span.endColumn);
    if (start === undefined || end === undefined || end < start) return undefined;
    byOffset.push({ start, end, text: edit.text });
  }
  byOffset.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of byOffset) {
    if (edit.start < at) return undefined;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
