// Output of `what-if`: each kubectl command with what kubectl would print
// for it, then the plan of what the commands leave, as `plan` renders it.
import type { WhatIfRun } from "../whatif/index.js";
import { palette } from "./colors.js";
import { fencedBlock } from "./markdown.js";
import { escapeControl, terminalSafe } from "./terminal-safe.js";

/** The commands, numbered, each followed (indented) by kubectl's lines, its error and the API server's picks. */
export function commandLines(run: WhatIfRun): string[] {
  return run.commands.flatMap((c, i) => {
    const number = `${i + 1}. `;
    const indent = " ".repeat(number.length);
    const body = [...c.output, ...(c.error !== undefined ? c.error.split("\n") : []), ...c.notes.map((note) => `# ${note}`)];
    return [number + c.command, ...body.map((line) => indent + line)];
  }).map(escapeControl);
}

/** Text: the session, then the plan. */
export function renderWhatIfText(run: WhatIfRun, planText: string, color: boolean): string {
  const p = palette(color);
  const lines = commandLines(run).map((line) => (/^\d/.test(line) ? p.bold(line) : line));
  if (!run.completed) lines.push(p.red("The commands stop at the failed one: the plan shows what the commands before it leave."));
  return terminalSafe([...lines, ""].join("\n"), { colors: color }) + "\n" + planText;
}

/** Markdown: the session as a fenced block above the plan's comment. */
export function renderWhatIfMarkdown(run: WhatIfRun, planMarkdown: string): string {
  return [fencedBlock("text", commandLines(run)), "", planMarkdown].join("\n");
}

/** JSON: the plan's result with the commands. */
export function whatIfJson(run: WhatIfRun): unknown {
  return { ...run.result, commands: run.commands };
}
