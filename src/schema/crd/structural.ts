// A CustomResourceDefinition's openAPIV3Schema read into the "structural
// schema" apiextensions works with: the shape (types, properties, items,
// additionalProperties) plus the extensions that change how values are
// validated, defaulted and seen by CEL. Read defensively: any field of the
// CRD may have any type; what cannot be read is left out.

export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  reason?: string;
  optionalOldSelf?: boolean;
}

export interface StructuralNode {
  /** The declared type ("" when the schema gives none, e.g. int-or-string). */
  type: string;
  format?: string;
  nullable: boolean;
  intOrString: boolean;
  preserveUnknownFields: boolean;
  embeddedResource: boolean;
  properties?: Map<string, StructuralNode>;
  /** A schema for map values, or `false`/`true` as the CRD wrote it. */
  additionalProperties?: StructuralNode | boolean;
  items?: StructuralNode;
  required: string[];
  /** Set when the CRD gives a `default` (which may be null). */
  hasDefault: boolean;
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  listType?: string;
  listMapKeys?: string[];
  mapType?: string;
  validations: ValidationRule[];
  /** allOf, anyOf, oneOf and not, as the CRD wrote them: value validations only (src/schema/crd/junctors.ts). */
  junctors?: Junctors;
}

export interface Junctors {
  allOf?: Json[];
  anyOf?: Json[];
  oneOf?: Json[];
  not?: Json;
}

type Json = Record<string, unknown>;

/** Deeper than any real schema; stops self-referencing YAML anchors. */
const MAX_DEPTH = 64;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined);
const flag = (value: unknown): boolean => value === true;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function readRules(value: unknown): ValidationRule[] {
  if (!Array.isArray(value)) return [];
  const rules: ValidationRule[] = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.rule !== "string") continue;
    const rule: ValidationRule = { rule: entry.rule };
    if (typeof entry.message === "string") rule.message = entry.message;
    if (typeof entry.messageExpression === "string") rule.messageExpression = entry.messageExpression;
    if (typeof entry.fieldPath === "string") rule.fieldPath = entry.fieldPath;
    if (typeof entry.reason === "string") rule.reason = entry.reason;
    if (entry.optionalOldSelf === true) rule.optionalOldSelf = true;
    rules.push(rule);
  }
  return rules;
}

function assignNumbers(node: StructuralNode, input: Json): void {
  node.minimum = finite(input.minimum);
  node.maximum = finite(input.maximum);
  node.multipleOf = finite(input.multipleOf);
  node.minLength = count(input.minLength);
  node.maxLength = count(input.maxLength);
  node.minItems = count(input.minItems);
  node.maxItems = count(input.maxItems);
  node.minProperties = count(input.minProperties);
  node.maxProperties = count(input.maxProperties);
  if (input.exclusiveMinimum === true) node.exclusiveMinimum = true;
  if (input.exclusiveMaximum === true) node.exclusiveMaximum = true;
}

export function readJunctors(source: Json): Junctors | undefined {
  const junctors: Junctors = {};
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    if (Array.isArray(source[key]) && (source[key] as unknown[]).length > 0) junctors[key] = (source[key] as unknown[]).map((item) => (isRecord(item) ? item : {}));
  }
  if (isRecord(source.not)) junctors.not = source.not;
  return Object.keys(junctors).length > 0 ? junctors : undefined;
}

function readNode(input: unknown, depth: number): StructuralNode {
  const source: Json = isRecord(input) && depth <= MAX_DEPTH ? input : {};
  const node: StructuralNode = {
    type: text(source.type) ?? "",
    nullable: flag(source.nullable),
    intOrString: flag(source["x-kubernetes-int-or-string"]),
    preserveUnknownFields: flag(source["x-kubernetes-preserve-unknown-fields"]),
    embeddedResource: flag(source["x-kubernetes-embedded-resource"]),
    required: strings(source.required),
    hasDefault: Object.hasOwn(source, "default"),
    validations: readRules(source["x-kubernetes-validations"]),
  };
  if (node.hasDefault) node.default = source.default;
  const format = text(source.format);
  if (format) node.format = format;
  if (Array.isArray(source.enum)) node.enum = source.enum;
  const pattern = text(source.pattern);
  if (pattern !== undefined) node.pattern = pattern;
  assignNumbers(node, source);
  const listType = text(source["x-kubernetes-list-type"]);
  if (listType) node.listType = listType;
  if (Array.isArray(source["x-kubernetes-list-map-keys"])) node.listMapKeys = strings(source["x-kubernetes-list-map-keys"]);
  const mapType = text(source["x-kubernetes-map-type"]);
  if (mapType) node.mapType = mapType;
  const junctors = readJunctors(source);
  if (junctors) node.junctors = junctors;
  if (isRecord(source.properties)) {
    node.properties = new Map();
    for (const [name, child] of Object.entries(source.properties)) node.properties.set(name, readNode(child, depth + 1));
  }
  if (isRecord(source.items)) node.items = readNode(source.items, depth + 1);
  if (isRecord(source.additionalProperties)) node.additionalProperties = readNode(source.additionalProperties, depth + 1);
  else if (typeof source.additionalProperties === "boolean") node.additionalProperties = source.additionalProperties;
  return node;
}

/** The structural schema of a CRD version's openAPIV3Schema (anything that is not a mapping reads as `{}`). */
export function readStructuralSchema(openAPIV3Schema: unknown): StructuralNode {
  return readNode(openAPIV3Schema, 0);
}

/** The schema of map values, when the node declares one. */
export function mapValueSchema(node: StructuralNode): StructuralNode | undefined {
  return typeof node.additionalProperties === "object" ? node.additionalProperties : undefined;
}

/** The schema of the child `key` of an object value, or of an item of a list. */
export function childNode(node: StructuralNode, key: string | number): StructuralNode | undefined {
  if (typeof key === "number") return node.items;
  return node.properties?.get(key) ?? mapValueSchema(node);
}

/**
 * Whether `node` or a node below it (a property, the items, the map values)
 * is one `is` holds for: the walks over a custom resource go down only where
 * there is something to check. `memo` keeps the answer of each node met.
 */
export function somewhereBelow(node: StructuralNode, is: (node: StructuralNode) => boolean, memo: WeakMap<StructuralNode, boolean>): boolean {
  const known = memo.get(node);
  if (known !== undefined) return known;
  // A node shared by several parents is answered once. The tree is at most MAX_DEPTH deep (readNode).
  memo.set(node, false);
  let found = is(node) || (node.items !== undefined && somewhereBelow(node.items, is, memo));
  const values = mapValueSchema(node);
  if (!found && values) found = somewhereBelow(values, is, memo);
  if (!found && node.properties) for (const child of node.properties.values()) if ((found = somewhereBelow(child, is, memo))) break;
  memo.set(node, found);
  return found;
}

const rulesBelow = new WeakMap<StructuralNode, boolean>();

/** Whether the node or one below it carries x-kubernetes-validations. */
export function hasValidationRules(node: StructuralNode): boolean {
  return somewhereBelow(node, (n) => n.validations.length > 0, rulesBelow);
}
