// ANSI colours for the text renderers: on a terminal only, and never when NO_COLOR is set.
import type { Severity } from "../types.js";

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const identity = (text: string) => text;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: identity, yellow: identity, green: identity, cyan: identity, dim: identity, bold: identity };
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** Colour for a stream, following the NO_COLOR convention (https://no-color.org). */
export function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

export function severityColor(p: Palette, severity: Severity): (text: string) => string {
  return severity === "error" ? p.red : severity === "warning" ? p.yellow : p.cyan;
}
