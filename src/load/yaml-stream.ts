// How kubectl cuts a stream into documents before parsing any of them
// (k8s.io/apimachinery/pkg/util/yaml, YAMLReader.Read): at every line that
// starts with `---`. A broken document therefore cannot swallow the ones after
// it (an unterminated quote stops at the next `---` line). JSON streams
// (text starting with `{`) are not cut (GuessJSONStream).

/** One document's text: `[start, end)` of the file, the `---` line included. */
export interface StreamChunk {
  start: number;
  end: number;
  /** kubectl's error for a `---` line followed by something other than a comment. */
  separatorError?: { offset: number; message: string };
}

/** Whether kubectl reads the text as a JSON stream: its first non-space character is `{`. */
export function isJsonStream(text: string): boolean {
  return /^\s*\{/.test(text);
}

/** The documents of a stream as kubectl's YAMLReader separates them. */
export function splitYamlStream(text: string): StreamChunk[] {
  if (isJsonStream(text)) return [{ start: 0, end: text.length }];
  const chunks: StreamChunk[] = [];
  let current: StreamChunk = { start: 0, end: text.length };
  for (let line = 0; line < text.length; ) {
    const next = text.indexOf("\n", line);
    const lineEnd = next < 0 ? text.length : next + 1;
    if (text.startsWith("---", line)) {
      current.end = line;
      chunks.push(current);
      current = { start: line, end: text.length };
      const rest = text.slice(line + 3, lineEnd).trim();
      if (rest !== "" && !rest.startsWith("#")) current.separatorError = { offset: line, message: `invalid Yaml document separator: ${rest}` };
    }
    line = lineEnd;
  }
  chunks.push(current);
  return chunks.filter((chunk) => chunk.end > chunk.start);
}
