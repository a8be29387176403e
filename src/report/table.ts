// Text tables for the terminal: every column as wide as its widest cell, two
// spaces between columns. Colour codes take no room on screen, so they do not count.
import { maxOf } from "../util/append.js";

const SGR_SEQUENCE = /\u001b\[[0-9;]*m/g;

/** The room a cell takes on screen: its characters (code points), colour codes left out. */
export function visibleWidth(cell: string): number {
  return [...cell.replace(SGR_SEQUENCE, "")].length;
}

/** The rows as lines, every column but the last padded to its widest cell; no trailing blanks. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, column) => maxOf(rows.map((row) => visibleWidth(row[column] ?? ""))));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell + " ".repeat(widths[column]! - visibleWidth(cell))))
      .join("  ")
      .trimEnd(),
  );
}
