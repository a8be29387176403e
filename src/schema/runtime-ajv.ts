// ajv compiled at run time, for the schemas that cannot be precompiled: those
// of custom resources, read from the CustomResourceDefinitions of the inputs.
// ajv is loaded on first use, so runs without CRDs never pay for it.
import type { AnySchema, Ajv as AjvInstance, FuncKeywordDefinition } from "ajv";
import { FORMAT_CHECKS, INT32_RANGE, INT64_RANGE } from "./formats.js";
import type { CompiledValidator, ReleaseSchemas } from "./registry.js";
import { refsOf } from "./schema-refs.js";
import { shareSubschemas } from "./crd/shared-subschemas.js";
import { isInClosedSet } from "./closed-set-message.js";
import type { ClosedSet, SchemaNode } from "./schema-node.js";
import { compileRe2 } from "../util/re2.js";
import { STRING_FORMAT_CHECKS, isDate, isDateTime } from "./crd/string-formats.js";
import { appendAll } from "../util/append.js";
import { requirePackage } from "../util/require-package.js";

type AjvConstructor = typeof AjvInstance;

/** Types of the values each format applies to (see src/schema/formats.ts). */
const FORMAT_TYPES: Record<string, "number" | "string"> = {
  int32: "number",
  int64: "number",
  "int-or-string": "number",
  byte: "string",
  "date-time": "string",
  quantity: "string",
};

/** Formats kube-openapi (strfmt) checks on custom resources, as strfmt checks them. */
const CUSTOM_RESOURCE_FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  "cr-date-time": isDateTime,
  "cr-date": isDate,
  "cr-uuid": (value) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value),
};

/** The integer formats of custom resources (see crd-schema.ts). */
const INTEGER_RANGES = { "cr-int32": INT32_RANGE, "cr-int64": INT64_RANGE, "cr-integer": INT64_RANGE };

const ANNOTATIONS = [
  "x-kubernetes-patch-merge-key",
  "x-kubernetes-patch-strategy",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-list-type",
  "x-kubernetes-map-type",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-int-or-string",
];

/**
 * CRD patterns are Go regular expressions, matched in linear time (RE2): a
 * pattern RE2 cannot compile is left out of the schema (the CRD's own
 * validation reports it).
 */
function re2Engine(pattern: string): { test(text: string): boolean; toString(): string } {
  const compiled = compileRe2(pattern);
  if ("error" in compiled) throw new Error(compiled.error);
  const { regex } = compiled;
  // ajv shares compiled patterns by their text (toString), as it does RegExps.
  return { test: (text) => regex.test(text), toString: () => `/${pattern}/` };
}
re2Engine.code = "re2";

/** The validator of a shared subtree, by name (compiled on its first call). */
type SharedValidator = (name: string) => CompiledValidator;
/** What ajv passes a validator besides the value: the value's path, parent and root. */
type CalledValidator = ((data: unknown, context?: object) => boolean) & Pick<CompiledValidator, "errors">;

/**
 * A `sharedSubschema` place calls its subtree's validator, compiled when a
 * value first reaches the place. Like a `$ref` that ajv does not inline, it
 * passes the value's path on and the subtree's errors through unchanged.
 */
function sharedSubschemaKeyword(validatorOf: SharedValidator): FuncKeywordDefinition {
  return {
    keyword: "sharedSubschema",
    schemaType: "string",
    compile(name: string) {
      let target: CalledValidator | undefined;
      const validate: CalledValidator = (data, context) => {
        target ??= validatorOf(name);
        const valid = target(data, context);
        validate.errors = target.errors;
        return valid;
      };
      return validate as NonNullable<FuncKeywordDefinition["validate"]>;
    },
  };
}

function newAjv(validatorOf: SharedValidator): AjvInstance {
  const loaded = requirePackage<AjvConstructor | { default: AjvConstructor }>("ajv");
  const Ajv = "default" in loaded ? loaded.default : loaded;
  // Referenced schemas stay functions of their own (inlineRefs: false): CRDs share big subtrees.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, addUsedSchema: false, messages: false, inlineRefs: false, code: { regExp: re2Engine } });
  for (const [name, type] of Object.entries(FORMAT_TYPES)) {
    const check = FORMAT_CHECKS[name]!.validate as (value: never) => boolean;
    ajv.addFormat(name, { type, validate: check } as never);
  }
  for (const [name, check] of Object.entries(CUSTOM_RESOURCE_FORMAT_CHECKS)) ajv.addFormat(name, { type: "string", validate: check });
  for (const [name, range] of Object.entries(INTEGER_RANGES)) ajv.addFormat(name, { type: "number", validate: (value: number) => value >= range.min && value <= range.max });
  for (const [name, check] of Object.entries(STRING_FORMAT_CHECKS)) ajv.addFormat(`cr-${name}`, { type: "string", validate: check });
  ajv.addKeyword({ keyword: "k8sEnum", type: "string", schemaType: "object", validate: (set: ClosedSet, value: string) => isInClosedSet(set, value) });
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: ["string", "array", "boolean"] });
  ajv.addKeyword(sharedSubschemaKeyword(validatorOf));
  return ajv;
}

const JSON_TYPES = new Set(["array", "boolean", "integer", "null", "number", "object", "string"]);

/**
 * Whether some node has what ajv refuses to compile: a type it does not know
 * or an empty enum (the CRD's own validation reports both). Such a schema is
 * compiled whole, so that every resource of the CRD is told it was not
 * checked, not only those that reach the node.
 */
function hasNodeAjvRefuses(node: SchemaNode): boolean {
  const { type, enum: values } = node as SchemaNode & { enum?: unknown };
  const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
  if (types.some((name) => !JSON_TYPES.has(name)) || (Array.isArray(values) && values.length === 0)) return true;
  const children = [...Object.values(node.properties ?? {}), ...(node.items ? [node.items] : []), ...(typeof node.additionalProperties === "object" ? [node.additionalProperties] : [])];
  return children.some(hasNodeAjvRefuses);
}

/** One ajv per release: built-in definitions (ObjectMeta...) are added once, as custom schemas refer to them. */
export class RuntimeCompiler {
  private ajv: AjvInstance | undefined;
  private readonly added = new Set<string>();
  /** The shared subtrees of custom resources' schemas met so far, and their validators once compiled. */
  private readonly shared = new Map<string, { schema: SchemaNode; validate?: CompiledValidator }>();

  /** Without a release, schemas must not refer to built-in definitions. */
  constructor(private readonly release?: ReleaseSchemas) {}

  private get instance(): AjvInstance {
    return (this.ajv ??= newAjv((name) => this.sharedValidator(name)));
  }

  compile(schema: SchemaNode): CompiledValidator {
    const ajv = this.instance;
    this.addDefinitions(refsOf(schema));
    return ajv.compile(schema as AnySchema) as CompiledValidator;
  }

  /**
   * A custom resource's schema: its large subtrees compiled when a resource
   * first reaches them, once per process whichever CRD they come from (see
   * crd/shared-subschemas.ts). Compiling one of them may throw then.
   */
  compileShared(schema: SchemaNode): CompiledValidator {
    if (hasNodeAjvRefuses(schema)) return this.compile(schema);
    const { root, definitions } = shareSubschemas(schema);
    for (const [name, definition] of definitions) if (!this.shared.has(name)) this.shared.set(name, { schema: definition });
    return this.compile(root);
  }

  private sharedValidator(name: string): CompiledValidator {
    const shared = this.shared.get(name)!;
    shared.validate ??= this.compile(shared.schema);
    return shared.validate;
  }

  private addDefinitions(names: Iterable<string>): void {
    const pending = [...names];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (this.added.has(name)) continue;
      this.added.add(name);
      const definition = this.release?.definition(name) ?? {};
      this.instance.addSchema(definition as AnySchema, name);
      appendAll(pending, refsOf(definition));
    }
  }
}
