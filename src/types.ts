// Shared data types of the pipeline. Every stage takes and returns these plain
// objects; nothing here prints or reads files.

export type Severity = "error" | "warning" | "info";

/** A problem found in the inputs: the JSON output's `findings[]` contract. */
export interface Finding {
  severity: Severity;
  /** Stable id, e.g. `schema/unknown-field`, `admission/LimitRanger`. */
  rule: string;
  message: string;
  file: string;
  /** 1-based line and column of the offending key or value. */
  line: number;
  column: number;
  /** JSON pointer inside the YAML/JSON document. */
  path: string;
  /** The value that would fix it (a field name, an enum value, an apiVersion...). */
  suggestion?: string;
  /** Set when a `kubeplan.io/ignore` annotation or the config silenced it. */
  suppressed?: boolean;
  /** The edits of the file that fix it, where the fix is certain (see FindingFix). */
  fix?: FindingFix;
  /**
   * Set for Helm output read from standard input: `file` is the template its
   * `# Source:` comment names, `line` counts within that template's output.
   */
  rendered?: boolean;
}

/** Text of a file from line:column up to, not including, endLine:endColumn (1-based; columns count UTF-16 code units). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Replace the text of `span` with `text`; an empty span inserts it. */
export interface TextEdit {
  span: Span;
  text: string;
}

/**
 * How to fix a finding: edits of the finding's file, made together, that keep
 * everything else as written (comments, key order, quoting, layout). `kubeplan
 * fix`, the JSON output and SARIF `fixes` all use this one description.
 */
export interface FindingFix {
  /** What the fix does, in a few words: `rename "tartPort" to "targetPort"`. */
  description: string;
  edits: TextEdit[];
}

/**
 * A change of a document as YAML, by JSON pointers relative to its object; the
 * loader, which knows where each value is written, turns it into text edits.
 */
export type YamlChange =
  /** The key at `pointer` renamed, quoted as it was. */
  | { op: "renameKey"; pointer: string; name: string }
  /** The scalar at `pointer` replaced by this value, quoted as it was where the value allows. */
  | { op: "setValue"; pointer: string; value: string | number | boolean }
  /** The plain scalar at `pointer` replaced by this YAML text as it is (`port: 9000` for `port:9000`). */
  | { op: "replaceText"; pointer: string; text: string }
  /** The key at `pointer` and its value removed. */
  | { op: "removePair"; pointer: string }
  /** The key at `pointer` and its value replaced, in place, by `key: value` (a field converted to another shape). */
  | { op: "replacePair"; pointer: string; key: string; value: unknown }
  /** `key: value` added first to the mapping at `pointer`. */
  | { op: "insertPair"; pointer: string; key: string; value: unknown }
  /** The key at `pointer` and its value, as written, moved first into the mapping at `to`. */
  | { op: "movePair"; pointer: string; to: string };

/** A fix a check proposes, in terms of the document: the changes to make together. */
export interface ProposedFix {
  description: string;
  changes: YamlChange[];
}

export interface Position {
  line: number;
  column: number;
}

/** A Kubernetes object as written in a manifest (only the envelope is typed). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    generateName?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * One object read from the inputs. An item of a `kind: List` is its own
 * document; `pointerPrefix` says where it sits in the YAML document.
 */
export interface ManifestDocument {
  /** File name as given on the command line (or the `# Source:` name, or `<stdin>`). */
  file: string;
  /** 0-based index of the YAML document within the file. */
  index: number;
  /** JSON pointer of this object inside its YAML document ("" or "/items/3"). */
  pointerPrefix: string;
  /** The parsed value; a mapping for every document that reached this type. */
  object: KubeObject;
  /**
   * Line and column of the value at `pointer` (relative to `object`), or of its
   * nearest existing ancestor. `key: true` asks for the key's position instead.
   */
  locate(pointer: string, options?: { key?: boolean }): Position;
  /**
   * The scalar at `pointer` as written in the file (`False`, `0644`, `1.10`),
   * when the loader kept the text; messages use it to say how YAML read it.
   */
  sourceText?(pointer: string): string | undefined;
  /**
   * The text edits that make these changes where the document is written;
   * undefined when they cannot be made without touching anything else (flow
   * style, aliases, a key after "- " to remove, Helm output).
   */
  edits?(changes: readonly YamlChange[]): TextEdit[] | undefined;
  /** Helm output from standard input, placed in the template `# Source:` names (see Finding.rendered). */
  rendered?: boolean;
}

/** What loading the inputs produced: the documents and the problems met on the way. */
export interface LoadResult {
  documents: ManifestDocument[];
  findings: Finding[];
  /** Every file read, in order (for per-file reports). */
  files: string[];
}

/** What a check reports before it is placed in a file: the engine adds file, line and column. */
export interface Report {
  /** JSON pointer relative to the document's object. */
  pointer: string;
  message: string;
  suggestion?: string;
  /** Point at the key instead of the value (unknown fields, misplaced keys). */
  atKey?: boolean;
  /** The changes that fix it, when they are certain. */
  fix?: ProposedFix;
  /** Overrides the rule's default severity for this one report. */
  severity?: Severity;
}

/** One object of the inputs, as reports list it (JUnit test cases, summaries). */
export interface DocumentSummary {
  file: string;
  /** 0-based index of the YAML document within the file. */
  index: number;
  /** JSON pointer of the object inside its YAML document ("" or "/items/3"). */
  pointerPrefix: string;
  /** 1-based line where the object starts. */
  line: number;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** What a rule is, for `kubeplan rules` and the rule tables of SARIF. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
  /** Link to the rule's documentation (README anchor). */
  helpUri?: string;
}

/** The result of `validate`: the JSON output's shape. */
export interface ValidateResult {
  kubernetesVersion: string;
  findings: Finding[];
  /** Every file read, in input order, with the objects found in it. */
  files: Array<{ file: string; documents: DocumentSummary[] }>;
  summary: {
    files: number;
    documents: number;
    errors: number;
    warnings: number;
    infos: number;
    suppressed: number;
    /** Objects left out by `--skip-kinds`. */
    skipped: number;
    durationMs: number;
  };
  /** About the run itself, not the manifests (a Kubernetes release newer than the bundled ones). */
  warnings?: string[];
}

/**
 * A pod the controllers would create (or a bare Pod of the inputs), as a v1 Pod
 * object, with where it comes from. The scheduler and admission work on `pod`.
 */
export interface PlannedPod {
  /** A complete v1 Pod: apiVersion, kind, metadata (name, namespace, labels), spec. */
  pod: KubeObject;
  /** The object of the inputs that creates it (Deployment web, Job x, ...), or null for a bare Pod. */
  owner: { apiVersion: string; kind: string; namespace: string; name: string } | null;
  /** Where its template was written, so that findings about it point at the manifest. */
  source?: { document: ManifestDocument; pointer: string };
}
