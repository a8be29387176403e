// Syntax errors of a rule in cel-go's words (its ANTLR lexer and parser,
// parser/parser.go's error listener), for the common mistakes whose errors
// kubeplan is sure of:
//   a character no token starts with   token recognition error at: '#'
//   an operator with nothing after it  mismatched input '<EOF>' expecting {...}
//   an unclosed parenthesis, bracket   missing ')' at '<EOF>', missing ']' at '<EOF>'
//   or brace
//   something after a whole expression extraneous input ')' expecting <EOF>
//                                      mismatched input 'b' expecting <EOF>
// Whether a piece of the rule is a whole expression is asked of the CEL
// parser in use; any other mistake is left to its own words (undefined).
import { celGoIssue, positionOf } from "./issues.js";
import { skipString } from "./source.js";

/** What may start an expression, as ANTLR lists the tokens cel-go's grammar expects there. */
const EXPRESSION_START = "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";
/** Operators that need an operand after them. */
const BINARY = new Set(["==", "!=", "<", "<=", ">", ">=", "&&", "||", "+", "-", "*", "/", "%", "?", ":", "in"]);
/** Tokens that cannot continue an expression already complete before them. */
const closes = (token: Token) => token.kind === "word" || token.kind === "literal" || [")", "]", "}", ",", ":", "!"].includes(token.text);
/** Words CEL reserves: the parsers disagree on them, so a rule with one is left alone. */
const RESERVED = new Set(["as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"]);
const PUNCTUATION = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "?", ":", "!", ".", ",", "(", ")", "[", "]", "{", "}"];

interface Token {
  kind: "word" | "literal" | "punctuation";
  text: string;
  start: number;
}

interface Issue {
  offset: number;
  message: string;
}

interface Lexed {
  tokens: Token[];
  /** The rule with each character the lexer skipped made a space (offsets kept). */
  cleaned: string;
  issues: Issue[];
}

const isLetter = (char: string | undefined) => char !== undefined && /[A-Za-z_]/.test(char);
const isDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";

/** ANTLR's display of a token's text in a message. */
const display = (text: string) => `'${text.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}'`;

function number(text: string, start: number): number {
  let i = start;
  if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
    i += 2;
    while (/[0-9a-fA-F]/.test(text[i] ?? "")) i++;
  } else {
    while (isDigit(text[i])) i++;
    if (text[i] === "." && isDigit(text[i + 1])) for (i++; isDigit(text[i]); i++);
    if (/[eE]/.test(text[i] ?? "") && (isDigit(text[i + 1]) || (/[+-]/.test(text[i + 1] ?? "") && isDigit(text[i + 2])))) for (i += 2; isDigit(text[i]); i++);
  }
  return /[uU]/.test(text[i] ?? "") ? i + 1 : i;
}

/** The end of a string literal starting at its quote, undefined when it is not closed. */
function stringEnd(text: string, quote: number, raw: boolean): number | undefined {
  const close = text.startsWith(text[quote]!.repeat(3), quote) ? text[quote]!.repeat(3) : text[quote]!;
  const end = skipString(text, quote, raw);
  return end - quote >= 2 * close.length && text.startsWith(close, end - close.length) ? end : undefined;
}

/** CEL's lexer: tokens, and an issue for each character no token starts with; undefined when unsure. */
function lex(text: string): Lexed | undefined {
  const tokens: Token[] = [];
  const issues: Issue[] = [];
  let cleaned = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/[\t\r\n\f ]/.test(char)) {
      cleaned += char;
      i++;
      continue;
    }
    let end: number | undefined;
    let kind: Token["kind"] = "punctuation";
    if (text.startsWith("//", i)) end = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if (char === "'" || char === '"') [end, kind] = [stringEnd(text, i, false), "literal"];
    else if (isLetter(char)) {
      let word = i + 1;
      while (isLetter(text[word]) || isDigit(text[word])) word++;
      const prefix = text.slice(i, word);
      if (/^[rRbB]{1,2}$/.test(prefix) && (text[word] === "'" || text[word] === '"')) [end, kind] = [stringEnd(text, word, /[rR]/.test(prefix)), "literal"];
      else [end, kind] = [word, ["true", "false", "null"].includes(prefix) ? "literal" : prefix === "in" ? "punctuation" : "word"];
      if (RESERVED.has(prefix)) return undefined;
    } else if (isDigit(char) || (char === "." && isDigit(text[i + 1]))) [end, kind] = [number(text, i), "literal"];
    else {
      const operator = PUNCTUATION.find((candidate) => text.startsWith(candidate, i));
      if (operator) end = i + operator.length;
      else if (char === "`") return undefined;
      else {
        // A character that starts a two-character operator is reported with the one after it (ANTLR's lexer read it).
        const width = "|&=".includes(char) ? 2 : 1;
        const symbol = [...text.slice(i, i + 4)].slice(0, width).join("");
        issues.push({ offset: i, message: `Syntax error: token recognition error at: ${display(symbol)}` });
        const skipped = [...text.slice(i, i + 2)][0]!;
        cleaned += " ".repeat(skipped.length);
        i += skipped.length;
        continue;
      }
    }
    if (end === undefined) return undefined;
    if (!text.startsWith("//", i)) tokens.push({ kind, text: text.slice(i, end), start: i });
    cleaned += text.slice(i, end);
    i = end;
  }
  return { tokens, cleaned, issues };
}

/** The parser's error on the lexed tokens: null when there is none, undefined when kubeplan cannot tell. */
function parseIssue(lexed: Lexed, parses: (text: string) => boolean): Issue | null | undefined {
  const { tokens, cleaned } = lexed;
  if (parses(cleaned)) return null;
  const last = tokens[tokens.length - 1];
  if (last && BINARY.has(last.text) && parses(cleaned.slice(0, last.start))) {
    return { offset: cleaned.length, message: `Syntax error: mismatched input '<EOF>' expecting ${EXPRESSION_START}` };
  }
  // One bracket left open at the end, the others closed: ANTLR inserts the one missing token.
  const depth = (open: string, close: string) => tokens.reduce((sum, token) => sum + (token.text === open ? 1 : token.text === close ? -1 : 0), 0);
  const open = (["()", "[]", "{}"] as const).filter(([o, c]) => depth(o, c) !== 0);
  if (open.length === 1 && depth(open[0]![0], open[0]![1]) === 1 && parses(`${cleaned}\n${open[0]![1]}`)) return { offset: cleaned.length, message: `Syntax error: missing '${open[0]![1]}' at '<EOF>'` };
  for (let k = 1; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (!closes(token) || !parses(cleaned.slice(0, token.start))) continue;
    const kind = k === tokens.length - 1 ? "extraneous" : "mismatched";
    return { offset: token.start, message: `Syntax error: ${kind} input ${display(token.text)} expecting <EOF>` };
  }
  return undefined;
}

/**
 * cel-go's syntax errors of a rule the CEL parser in use refused, each with
 * its source line and caret, in the order of their place; undefined when
 * kubeplan is not sure of them.
 */
export function celGoSyntaxErrors(expression: string, parses: (text: string) => boolean): string | undefined {
  const lexed = lex(expression);
  if (!lexed) return undefined;
  const parsed = parseIssue(lexed, parses);
  if (parsed === undefined || (parsed === null && lexed.issues.length === 0)) return undefined;
  const issues = parsed ? [...lexed.issues, parsed] : lexed.issues;
  return issues
    .sort((a, b) => a.offset - b.offset)
    .map((issue) => celGoIssue(expression, issue.message, positionOf(expression, issue.offset)))
    .join("\n");
}
