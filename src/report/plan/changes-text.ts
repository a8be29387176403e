// The changes part of `kubeplan plan` as text, in the manner of
// `terraform plan`: one block per object in application order, field-level
// changes, what happens to running pods, and the summary line.
import { structuredPatch } from "diff";
import { stringify } from "yaml";
import type { Change, ChangePlan, FieldDiff } from "../../diff/types.js";
import { painter, type Paint, type Style } from "../colors.js";
import { escapeControl, escapeTitle } from "../terminal-safe.js";
import { appendAll } from "../../util/append.js";

export interface ChangesTextOptions {
  /** ANSI colours (on a TTY only). */
  color: boolean;
  /** List objects that do not change (`--show-unchanged`). */
  showUnchanged: boolean;
  /** Add a unified YAML diff per object (`--diff`). */
  unifiedDiff: boolean;
}

const SYMBOL: Record<Change["action"], string> = { create: "+", update: "~", replace: "-/+", delete: "-", "no-op": "=" };
const SYMBOL_STYLE: Record<Change["action"], Style> = { create: "green", update: "yellow", replace: "red", delete: "red", "no-op": "dim" };
const HEADLINE: Record<Change["action"], string> = {
  create: "will be created",
  update: "will be updated in place",
  replace: "must be replaced",
  delete: "will be deleted",
  "no-op": "is unchanged",
};

const FIELD_INDENT = "      ";
const VALUE_INDENT = FIELD_INDENT + "    ";
const INLINE_LIMIT = 72;

function objectName(change: Change): string {
  return escapeTitle(change.namespace ? `${change.namespace}/${change.name}` : change.name);
}

/** A value on one line when short (`"app:v2"`, `3`, `["a", "b"]`), else undefined. */
function inline(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const text = JSON.stringify(value, null, 1)?.replace(/\n\s*/g, " ").replace(/\[ /g, "[").replace(/ \]/g, "]").replace(/\{ /g, "{").replace(/ \}/g, "}");
  return text !== undefined && text.length <= INLINE_LIMIT ? text : undefined;
}

function block(value: unknown, indent: string): string[] {
  return stringify(value, { lineWidth: 0 })
    .trimEnd()
    .split("\n")
    .map((line) => indent + line);
}

function fieldLines(field: FieldDiff, paint: Paint): string[] {
  const symbol = field.op === "add" ? "+" : field.op === "remove" ? "-" : "~";
  const style: Style = field.op === "add" ? "green" : field.op === "remove" ? "red" : "yellow";
  const head = `${FIELD_INDENT}${paint(symbol, style)} ${escapeControl(field.path)}`;
  const forces = field.forcesReplacement ? " " + paint("# forces replacement", "red") : "";
  if (field.sensitive) {
    const text = field.op === "replace" ? "(sensitive value changed)" : "(sensitive value)";
    return [`${head}: ${text}${forces}`];
  }
  if (field.op === "replace") {
    if (isMultiline(field.from) && isMultiline(field.to)) return [`${head}:${forces}`, ...textDiffLines(field.from, field.to, paint)];
    const from = inline(field.from);
    const to = inline(field.to);
    if (from !== undefined && to !== undefined && from.length + to.length <= INLINE_LIMIT * 1.5) return [`${head}: ${from} -> ${to}${forces}`];
    return [`${head}:${forces}`, ...block(field.from, VALUE_INDENT), `${VALUE_INDENT}->`, ...block(field.to, VALUE_INDENT)];
  }
  const value = field.op === "add" ? field.to : field.from;
  const short = inline(value);
  if (short !== undefined) return [`${head}: ${short}${forces}`];
  return [`${head}:${forces}`, ...block(value, VALUE_INDENT)];
}

function isMultiline(value: unknown): value is string {
  return typeof value === "string" && value.includes("\n");
}

/** A changed multi-line value (a config file in a ConfigMap) as the lines that changed, with a little context. */
function textDiffLines(from: string, to: string, paint: Paint): string[] {
  const patch = structuredPatch("", "", from.endsWith("\n") ? from : from + "\n", to.endsWith("\n") ? to : to + "\n", undefined, undefined, { context: 2 });
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    lines.push(paint(`${VALUE_INDENT}@@ line ${hunk.oldStart} @@`, "cyan"));
    for (const line of hunk.lines) {
      if (line.startsWith("\\")) continue;
      const style: Style | undefined = line.startsWith("+") ? "green" : line.startsWith("-") ? "red" : undefined;
      lines.push(style ? paint(VALUE_INDENT + line, style) : VALUE_INDENT + line);
    }
  }
  return lines;
}

function unifiedDiffLines(change: Change, paint: Paint): string[] {
  const label = `${escapeTitle(change.kind)}/${objectName(change)}`;
  const before = change.before ? stringify(change.before, { lineWidth: 0 }) : "";
  const after = change.after ? stringify(change.after, { lineWidth: 0 }) : "";
  if (before === after) return [];
  const patch = structuredPatch(`cluster/${label}`, `manifests/${label}`, before, after, undefined, undefined, { context: 3 });
  const lines = [paint(`${FIELD_INDENT}--- cluster/${label}`, "bold"), paint(`${FIELD_INDENT}+++ manifests/${label}`, "bold")];
  for (const hunk of patch.hunks) {
    // As in GNU diff, an empty side starts at the line before (`@@ -0,0 +1,7 @@`).
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    lines.push(paint(`${FIELD_INDENT}@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, "cyan"));
    for (const line of hunk.lines) {
      const style: Style | undefined = line.startsWith("+") ? "green" : line.startsWith("-") ? "red" : undefined;
      lines.push(style ? paint(FIELD_INDENT + line, style) : FIELD_INDENT + line);
    }
  }
  return lines;
}

/** One object's block: its headline, the change line, fields, reasons and notes. */
export function changeBlock(change: Change, options: ChangesTextOptions, paint: Paint): string[] {
  const symbol = SYMBOL[change.action];
  const lines = [
    paint(`  # ${escapeTitle(change.kind)} ${objectName(change)} ${HEADLINE[change.action]}`, "bold"),
    `${symbol.length === 1 ? "  " : ""}${paint(symbol, SYMBOL_STYLE[change.action])} ${escapeTitle(change.apiVersion)} ${escapeTitle(change.kind)} ${objectName(change)}`,
  ];
  if (change.denied !== undefined) lines.push(`${FIELD_INDENT}${paint(`! denied by admission: ${escapeControl(change.denied)}`, "red", "bold")}`);
  if (change.failed !== undefined) {
    const [first, ...rest] = change.failed.split("\n");
    lines.push(`${FIELD_INDENT}${paint(`! ${first} (--force-conflicts takes them over)`, "red", "bold")}`, ...rest.map((line) => `${FIELD_INDENT}    ${paint(line, "red")}`));
  }
  for (const field of change.fields) appendAll(lines, fieldLines(field, paint));
  const reasons = [...new Set(change.fields.filter((f) => f.forcesReplacement && f.reason).map((f) => f.reason!))];
  for (const reason of reasons) lines.push(`${FIELD_INDENT}${paint(`# ${escapeControl(reason)}`, "red")}`);
  for (const note of change.managedBy) lines.push(`${FIELD_INDENT}${paint(`# ${escapeControl(note)}`, "dim")}`);
  if (change.rollout) lines.push(`${FIELD_INDENT}${paint(`# ${escapeControl(change.rollout.message)}`, "cyan")}`);
  for (const note of change.notes) lines.push(`${FIELD_INDENT}${paint(`# ${escapeControl(note)}`, "dim")}`);
  if (options.unifiedDiff) appendAll(lines, unifiedDiffLines(change, paint));
  return lines;
}

/** The summary line, as `terraform plan` ends: `Plan: 3 to add, 2 to change, 1 to replace, 0 to destroy.` */
export function summaryLine(plan: ChangePlan): string {
  const { add, change, replace, destroy } = plan.counts;
  return `Plan: ${add} to add, ${change} to change, ${replace} to replace, ${destroy} to destroy.`;
}

/** The plan's changes as text; always ends with the summary line. */
export function renderChanges(plan: ChangePlan, options: ChangesTextOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];
  for (const note of plan.notes) out.push(paint(`Note: ${escapeControl(note)}`, "yellow"));
  if (plan.notes.length > 0) out.push("");
  // A refused apply is shown even when it would change nothing: the summary points at it.
  const shown = plan.changes.filter((change) => change.action !== "no-op" || options.showUnchanged || change.denied !== undefined || change.failed !== undefined);
  if (!plan.hasChanges) out.push("No changes: the cluster snapshot already matches the manifests.", "");
  if (shown.length > 0) {
    out.push("Changes, in the order they would be applied:", "");
    for (const change of shown) appendAll(out, changeBlock(change, options, paint)).push("");
  }
  if (plan.counts.unchanged > 0 && !options.showUnchanged) {
    const objects = plan.counts.unchanged === 1 ? "1 object is" : `${plan.counts.unchanged} objects are`;
    out.push(paint(`${objects} unchanged (--show-unchanged lists them).`, "dim"));
  }
  if (plan.counts.failed > 0) {
    const applies = plan.counts.failed === 1 ? "1 server-side apply" : `${plan.counts.failed} server-side applies`;
    out.push(paint(`${applies} would fail on conflicts with other field managers (marked "!" above).`, "red"));
  }
  if (plan.counts.denied > 0) {
    const changes = plan.counts.denied === 1 ? "1 change" : `${plan.counts.denied} changes`;
    out.push(paint(`${changes} would be denied by admission (marked "denied" above).`, "red"));
  }
  out.push(paint(summaryLine(plan), "bold"));
  return out.join("\n") + "\n";
}
