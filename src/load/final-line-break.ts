// A block scalar that ends the input without a line break keeps none in
// go-yaml (the reader of kubectl and the API server): `a: |\n  x` at the end
// of a file is "x", where the yaml package and js-yaml read "x\n". kubectl
// sends the last document of a file as it is written, so a ConfigMap's
// script with no line break at the end of the file is applied without one.

/** A line of indented content: what may be a block scalar's last line. */
const INDENTED_CONTENT = /^ +\S/;

/**
 * The text's last line, where the text ends on an indented line with no
 * line break after it. Only the last line is looked at: this runs on every file.
 */
export function unterminatedLastLine(text: string): string | undefined {
  if (text.endsWith("\n")) return undefined;
  const start = text.lastIndexOf("\n");
  if (start < 0) return undefined;
  const line = text.slice(start + 1);
  return INDENTED_CONTENT.test(line) ? line : undefined;
}

/**
 * Drops the line break the parser added to the value written last in the
 * document, when that value is a block scalar ending on `lastLine`: the
 * last entry of each mapping and list, down to a string that ends with the
 * line's content and a line break (which only a block scalar can).
 */
export function dropFinalLineBreak(document: unknown, lastLine: string): void {
  const ending = `${lastLine.trimStart()}\n`;
  let parent = document;
  for (let depth = 0; depth < 1000 && parent !== null && typeof parent === "object"; depth++) {
    const container = parent as Record<string, unknown> | unknown[];
    const keys = Array.isArray(container) ? [container.length - 1] : Object.keys(container);
    const key = keys[keys.length - 1];
    if (key === undefined || key === -1) return;
    const value = (container as Record<string | number, unknown>)[key];
    if (typeof value === "string") {
      if (value.endsWith(ending)) (container as Record<string | number, unknown>)[key] = value.slice(0, -1);
      return;
    }
    parent = value;
  }
}
