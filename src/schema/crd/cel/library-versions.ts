// The Kubernetes CEL libraries a new expression may use in a release
// (apiserver pkg/cel/environment/base.go): an expression written on create is
// compiled in the environment of the release's MinCompatibilityVersion, one
// minor before it, so a library introduced in 1.30 is usable from 1.31. A
// call into a library the release does not offer yet is refused as cel-go's
// checker refuses any undeclared name (`undeclared reference to 'isIP' (in
// container '')`): a global function at its '(', a member function at its
// '(' after the receiver is checked, a namespaced function (`format.uri()`)
// both at its namespace, read as an identifier, and at its '('. Only the
// libraries' own functions are listed (not the names they share with older
// libraries, such as the semver and quantity comparisons), and not the
// two-variable comprehension and sortBy macros, which change how the
// expression is parsed.
import type { ASTNode } from "@marcbachmann/cel-js";
import { atLeast } from "../../../util/release.js";
import { skipString } from "./source.js";
import type { SelectIssue } from "./select-check.js";

/** The first release whose new expressions may use each library: the release after the one that introduced it. */
const IP_AND_CIDR = "1.31";
const FORMAT = "1.32";
const SEMVER = "1.34";
const LISTS_V3 = "1.35";

const GLOBALS: Readonly<Record<string, string>> = { ip: IP_AND_CIDR, isIP: IP_AND_CIDR, cidr: IP_AND_CIDR, isCIDR: IP_AND_CIDR, semver: SEMVER, isSemver: SEMVER };

const MEMBERS: Readonly<Record<string, string>> = {
  family: IP_AND_CIDR,
  isUnspecified: IP_AND_CIDR,
  isLoopback: IP_AND_CIDR,
  isLinkLocalMulticast: IP_AND_CIDR,
  isLinkLocalUnicast: IP_AND_CIDR,
  isGlobalUnicast: IP_AND_CIDR,
  containsIP: IP_AND_CIDR,
  containsCIDR: IP_AND_CIDR,
  masked: IP_AND_CIDR,
  prefixLength: IP_AND_CIDR,
  ip: IP_AND_CIDR,
  validate: FORMAT,
  major: SEMVER,
  minor: SEMVER,
  patch: SEMVER,
  slice: LISTS_V3,
  flatten: LISTS_V3,
  distinct: LISTS_V3,
  reverse: LISTS_V3,
  sort: LISTS_V3,
};

const FORMAT_NAMES = [
  "dns1123Label", "dns1123Subdomain", "dns1035Label", "qualifiedName", "dns1123LabelPrefix", "dns1123SubdomainPrefix",
  "dns1035LabelPrefix", "labelValue", "uri", "uuid", "byte", "date", "datetime", "named",
];

/** Namespaced functions: `namespace.function` and the release that offers it. */
const NAMESPACED: Readonly<Record<string, string>> = {
  "ip.isCanonical": IP_AND_CIDR,
  "lists.range": LISTS_V3,
  ...Object.fromEntries(FORMAT_NAMES.map((name) => [`format.${name}`, FORMAT])),
};

const undeclared = (name: string) => `undeclared reference to '${name}' (in container '')`;

/** The text with string literals and comments blanked, offsets kept: a call's '(' is searched for in code only. */
function codeOnly(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      const raw = i > 0 && (text[i - 1] === "r" || text[i - 1] === "R");
      const end = skipString(text, i, raw);
      out += " ".repeat(end - i);
      i = end;
    } else if (char === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

const isNode = (value: unknown): value is ASTNode => value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string";

class LibraryChecker {
  readonly issues: SelectIssue[] = [];
  /** How many member calls of each name were met, in the order of their '(' in the text. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly code: string,
    private readonly kubernetesVersion: string,
  ) {}

  private offered(since: string | undefined): boolean {
    return since === undefined || atLeast(this.kubernetesVersion, since);
  }

  /** The '(' of the n-th member call `.name(` in the text (the order a receiver, then its call, then its arguments are met). */
  private memberParen(name: string): number {
    const count = this.seen.get(name) ?? 0;
    this.seen.set(name, count + 1);
    const pattern = new RegExp(`\\.\\s*${name}\\s*\\(`, "g");
    let match: RegExpExecArray | null = null;
    for (let i = 0; i <= count; i++) {
      match = pattern.exec(this.code);
      if (!match) return 0;
    }
    return match!.index + match![0].length - 1;
  }

  visit(node: unknown): void {
    if (Array.isArray(node)) {
      node.forEach((item) => this.visit(item));
      return;
    }
    if (!isNode(node)) return;
    if (node.op === "call") {
      const [name, args] = node.args as [string, ASTNode[]];
      this.visit(args);
      if (!this.offered(GLOBALS[name])) this.issues.push({ message: undeclared(name), offset: this.code.indexOf("(", node.pos) });
      return;
    }
    if (node.op === "rcall") {
      const [name, target, args] = node.args as [string, ASTNode, ASTNode[]];
      if (target?.op === "id" && Object.hasOwn(NAMESPACED, `${target.args as string}.${name}`)) {
        // A namespaced function: cel-go reads the namespace as an identifier when the function is not declared.
        const paren = this.memberParen(name);
        this.visit(args);
        if (!this.offered(NAMESPACED[`${target.args as string}.${name}`])) {
          this.issues.push({ message: undeclared(target.args as string), offset: target.pos });
          this.issues.push({ message: undeclared(name), offset: paren });
        }
        return;
      }
      this.visit(target);
      const paren = this.memberParen(name);
      this.visit(args);
      if (Object.hasOwn(MEMBERS, name) && !this.offered(MEMBERS[name])) this.issues.push({ message: undeclared(name), offset: paren });
      return;
    }
    this.visit(node.args);
  }
}

/** The calls of an expression into libraries `kubernetesVersion` does not offer to new expressions, as cel-go reports them. */
export function unavailableLibraryIssues(ast: ASTNode, parsedText: string, kubernetesVersion: string): SelectIssue[] {
  const checker = new LibraryChecker(codeOnly(parsedText), kubernetesVersion);
  checker.visit(ast);
  return checker.issues;
}
