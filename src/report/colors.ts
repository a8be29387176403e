// ANSI colours for the text renderers: on a terminal only, and never when NO_COLOR is set.
import type { Severity } from "../types.js";

export type Style = "red" | "yellow" | "green" | "cyan" | "dim" | "bold";

/** The SGR code that turns each style on, and the one that turns only that style off again. */
const SGR: Record<Style, { on: number; off: number }> = {
  red: { on: 31, off: 39 },
  yellow: { on: 33, off: 39 },
  green: { on: 32, off: 39 },
  cyan: { on: 36, off: 39 },
  dim: { on: 2, off: 22 },
  bold: { on: 1, off: 22 },
};

export type Palette = Record<Style, (text: string) => string>;

const wrap = (style: Style) => (text: string) => `\u001b[${SGR[style].on}m${text}\u001b[${SGR[style].off}m`;
const identity = (text: string) => text;

/** One function per style, each closing only its own style, so that styles nest (the findings' text). */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: identity, yellow: identity, green: identity, cyan: identity, dim: identity, bold: identity };
  return { red: wrap("red"), yellow: wrap("yellow"), green: wrap("green"), cyan: wrap("cyan"), dim: wrap("dim"), bold: wrap("bold") };
}

/** Paints a text in any number of styles; no style leaves it as it is. */
export type Paint = (text: string, ...styles: Style[]) => string;

/** The plan sections' painter: the styles in one escape sequence, closed by a full reset (`ESC[0m`). */
export function painter(enabled: boolean): Paint {
  if (!enabled) return identity;
  return (text, ...styles) => (styles.length === 0 ? text : `\u001b[${styles.map((s) => SGR[s].on).join(";")}m${text}\u001b[0m`);
}

/**
 * Colour for a stream: never with --no-color; FORCE_COLOR turns it on
 * (except FORCE_COLOR=0 or false) as Node and most CLIs read it, even in a
 * CI log; NO_COLOR (https://no-color.org) and TERM=dumb turn it off;
 * otherwise on a terminal only.
 */
export function colorEnabled(stream: { isTTY?: boolean }, flag = true, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!flag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

export function severityColor(p: Palette, severity: Severity): (text: string) => string {
  return severity === "error" ? p.red : severity === "warning" ? p.yellow : p.cyan;
}
