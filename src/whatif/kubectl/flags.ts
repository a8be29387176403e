// kubectl's command lines, read as cobra and pflag read them: `--name=value`,
// `--name value`, `-n value`, `-nvalue`, grouped one-letter booleans (`-it`),
// `--flag=false`, flags between the arguments, and `--` ending the flags.
import { UsageError } from "../../validate/index.js";

export type FlagType = "bool" | "string" | "int" | "stringArray" | "stringSlice";

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** kubectl's default, as its help prints it. */
  default?: string | number | boolean | readonly string[];
  /** The value of the bare flag (`--cascade` means `--cascade=background`). */
  noOptDefVal?: string;
  /** A kubectl flag a what-if cannot plan: why. */
  unsupported?: string;
}

export interface ParsedFlags {
  /** Values by long name: kubectl's default unless given. */
  values: Map<string, string | number | boolean | string[]>;
  /** The flags given on the command line. */
  changed: Set<string>;
  /** Positional arguments before `--`. */
  args: string[];
  /** Arguments after `--` (undefined without `--`): a container's command. */
  afterDash?: string[];
}

function initialValue(spec: FlagSpec): string | number | boolean | string[] {
  if (spec.default !== undefined) return Array.isArray(spec.default) ? [...spec.default] : (spec.default as string | number | boolean);
  switch (spec.type) {
    case "bool":
      return false;
    case "int":
      return 0;
    case "stringArray":
    case "stringSlice":
      return [];
    default:
      return "";
  }
}

/** pflag's StringSlice reads one CSV record: commas split, double quotes group. */
function readCsvRecord(text: string): string[] {
  if (text === "") return [];
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** strconv.ParseBool's spellings. */
export const BOOL_TEXT: Readonly<Record<string, boolean>> = { "1": true, t: true, T: true, true: true, TRUE: true, True: true, "0": false, f: false, F: false, false: false, FALSE: false, False: false };

export class FlagParser {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(private readonly command: string, specs: readonly FlagSpec[]) {
    for (const spec of specs) {
      this.byName.set(spec.name, spec);
      if (spec.short) this.byShort.set(spec.short, spec);
    }
  }

  /** The flags what-if takes here, as `--name` or `-x/--name`, for error messages. */
  supported(): string {
    return [...this.byName.values()]
      .filter((s) => s.unsupported === undefined)
      .map((s) => (s.short ? `-${s.short}/--${s.name}` : `--${s.name}`))
      .join(", ");
  }

  private fail(message: string): never {
    throw new UsageError(`${this.command}: ${message}`);
  }

  private unknown(flag: string): never {
    this.fail(`unknown flag: ${flag} (the flags what-if supports here: ${this.supported()})`);
  }

  private set(parsed: ParsedFlags, spec: FlagSpec, raw: string): void {
    const flag = `--${spec.name}`;
    if (spec.unsupported !== undefined) this.fail(`${flag} is not supported by what-if: ${spec.unsupported}`);
    const values = parsed.values;
    switch (spec.type) {
      case "bool": {
        const value = BOOL_TEXT[raw];
        if (value === undefined) this.fail(`invalid argument "${raw}" for "${flag}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        values.set(spec.name, value);
        break;
      }
      case "int": {
        if (!/^[+-]?\d+$/.test(raw)) this.fail(`invalid argument "${raw}" for "${flag}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        values.set(spec.name, Number(raw));
        break;
      }
      case "stringArray":
      case "stringSlice": {
        const items = spec.type === "stringSlice" ? readCsvRecord(raw) : [raw];
        // The first use replaces kubectl's default; later ones append.
        const previous = parsed.changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
        values.set(spec.name, [...previous, ...items]);
        break;
      }
      default:
        values.set(spec.name, raw);
    }
    parsed.changed.add(spec.name);
  }

  parse(argv: readonly string[]): ParsedFlags {
    const parsed: ParsedFlags = { values: new Map(), changed: new Set(), args: [] };
    for (const spec of this.byName.values()) parsed.values.set(spec.name, initialValue(spec));
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === "--") {
        parsed.afterDash = argv.slice(i + 1);
        break;
      }
      if (arg.startsWith("--")) i = this.parseLong(argv, i, parsed);
      else if (arg.startsWith("-") && arg !== "-") i = this.parseShorts(argv, i, parsed);
      else parsed.args.push(arg);
    }
    return parsed;
  }

  private valueOf(spec: FlagSpec, flag: string, inline: string | undefined, argv: readonly string[], i: number): { value: string; next: number } {
    if (inline !== undefined) return { value: inline, next: i };
    if (spec.type === "bool") return { value: "true", next: i };
    if (spec.noOptDefVal !== undefined || spec.unsupported !== undefined) return { value: spec.noOptDefVal ?? "", next: i };
    if (i + 1 >= argv.length) this.fail(`flag needs an argument: ${flag}`);
    return { value: argv[i + 1]!, next: i + 1 };
  }

  private parseLong(argv: readonly string[], i: number, parsed: ParsedFlags): number {
    const body = argv[i]!.slice(2);
    const equals = body.indexOf("=");
    const name = equals < 0 ? body : body.slice(0, equals);
    const spec = this.byName.get(name);
    if (!spec) this.unknown(`--${name}`);
    const { value, next } = this.valueOf(spec, `--${name}`, equals < 0 ? undefined : body.slice(equals + 1), argv, i);
    this.set(parsed, spec, value);
    return next;
  }

  private parseShorts(argv: readonly string[], i: number, parsed: ParsedFlags): number {
    const shorts = argv[i]!.slice(1);
    for (let j = 0; j < shorts.length; j++) {
      const letter = shorts[j]!;
      const spec = this.byShort.get(letter);
      if (!spec) this.fail(`unknown shorthand flag: '${letter}' in -${shorts} (the flags what-if supports here: ${this.supported()})`);
      const rest = shorts.slice(j + 1);
      if (spec.type === "bool" || spec.noOptDefVal !== undefined) {
        if (rest.startsWith("=")) {
          this.set(parsed, spec, rest.slice(1));
          return i;
        }
        this.set(parsed, spec, spec.type === "bool" ? "true" : spec.noOptDefVal!);
        continue;
      }
      if (rest !== "") {
        this.set(parsed, spec, rest.startsWith("=") ? rest.slice(1) : rest);
        return i;
      }
      if (i + 1 >= argv.length) this.fail(`flag needs an argument: 'shorthand ${letter}' in -${shorts}`);
      this.set(parsed, spec, argv[i + 1]!);
      return i + 1;
    }
    return i;
  }
}

export function stringFlag(parsed: ParsedFlags, name: string): string {
  return String(parsed.values.get(name) ?? "");
}

export function boolFlag(parsed: ParsedFlags, name: string): boolean {
  return parsed.values.get(name) === true;
}

export function intFlag(parsed: ParsedFlags, name: string): number {
  return Number(parsed.values.get(name) ?? 0);
}

export function listFlag(parsed: ParsedFlags, name: string): string[] {
  const value = parsed.values.get(name);
  return Array.isArray(value) ? value : [];
}

/** cobra's check of flags marked required, before the command runs. */
export function requireFlags(parsed: ParsedFlags, names: readonly string[]): void {
  const missing = names.filter((name) => !parsed.changed.has(name)).sort();
  if (missing.length > 0) throw new UsageError(`required flag(s) ${missing.map((m) => `"${m}"`).join(", ")} not set`);
}
