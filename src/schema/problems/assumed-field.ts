// An unknown field with one confident suggestion (`require:` for `required`):
// its value is checked as the suggested field's, so that the typos inside it
// (`operator: ln`) are found in the same run, each marked with what was assumed.
import type { KubeObject } from "../../types.js";
import { joinPointer, parsePointer, toPointer } from "../../util/pointer.js";
import { RULES, type AjvError, type SchemaProblem, type TranslationContext } from "./context.js";

/** Unknown fields per document whose values are checked under their suggestion, at most. */
const MAX_ASSUMED = 8;

/** The object with the key at `pointer` renamed to `name`, keys in their order; only the path to it is copied. */
function renamed(root: unknown, segments: readonly string[], name: string): unknown {
  if (root === null || typeof root !== "object") return root;
  const [head, ...rest] = segments;
  if (head === undefined) return root;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = renamed(root[Number(head)], rest, name);
    return copy;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(root)) {
    if (key !== head) out[key] = value;
    else if (rest.length === 0) out[name] = value;
    else out[key] = renamed(value, rest, name);
  }
  return out;
}

function isUnder(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + "/");
}

/** A did-you-mean of an unknown field: the field it names is assumed. */
function confidentTypo(problem: SchemaProblem): string | undefined {
  const { suggestion, message } = problem.report;
  if (problem.rule !== RULES.unknownField || suggestion === undefined) return undefined;
  return message.endsWith(`(did you mean ${JSON.stringify(suggestion)}?)`) ? suggestion : undefined;
}

/**
 * The problems inside the values of misspelt fields, checked as the fields
 * they were meant to be. `check` validates a whole object of the kind;
 * `translate` turns its errors into problems.
 */
export function problemsUnderAssumedFields(
  context: TranslationContext,
  problems: readonly SchemaProblem[],
  check: (object: unknown) => readonly AjvError[],
  translate: (context: TranslationContext, errors: readonly AjvError[]) => SchemaProblem[],
): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const typos = problems.flatMap((problem) => {
    const name = confidentTypo(problem);
    return name === undefined ? [] : [{ written: problem.report.pointer, name }];
  });
  for (const { written, name } of typos.slice(0, MAX_ASSUMED)) {
    const segments = parsePointer(written);
    const assumed = joinPointer(toPointer(segments.slice(0, -1)), name);
    const object = renamed(context.document.object, segments, name);
    const errors = check(object).filter((error) => isUnder(error.instancePath, assumed));
    if (errors.length === 0) continue;
    const view: TranslationContext = { ...context, document: { ...context.document, object: object as KubeObject } };
    for (const found of translate(view, errors)) {
      const pointer = written + found.report.pointer.slice(assumed.length);
      out.push({ rule: found.rule, report: { ...found.report, pointer, message: `${found.report.message} (assuming ${JSON.stringify(name)})` } });
    }
  }
  return out;
}
