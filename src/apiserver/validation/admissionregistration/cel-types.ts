// The types of the admission environment's variables as cel-go's checker
// knows them (k8s.io/apiserver plugin/cel compile.go createEnvForOpts):
// object, oldObject and params are dyn; request is BuildRequestType's
// kubernetes.AdmissionRequest and namespaceObject BuildNamespaceType's
// kubernetes.Namespace, objects with declared fields; authorizer and
// authorizer.requestResource are the authorizer library's object types
// (pkg/cel/library/authz.go), whose methods return the next type of the
// chain; variables is kubernetes.variables, with the type each variable's
// expression compiled to (composition.go: a variable whose type kubeplan does
// not know is unknown here too). typeOfNode gives cel-go's name of a node's
// type (FormatCELType: "dyn", "string", "list(string)", "kubernetes.UserInfo")
// when it follows from these declarations alone: names, selections, index
// operations, literals, the authorizer's calls and the variables of the
// macros around a node (reference-check.ts).
import type { ASTNode } from "@marcbachmann/cel-js";
import type { MacroScope } from "../../../schema/crd/cel/reference-check.js";

const GVK = "kubernetes.GroupVersionKind";
const GVR = "kubernetes.GroupVersionResource";
const USER_INFO = "kubernetes.UserInfo";
export const ADMISSION_REQUEST = "kubernetes.AdmissionRequest";
export const NAMESPACE = "kubernetes.Namespace";
export const AUTHORIZER = "kubernetes.authorization.Authorizer";
const PATH_CHECK = "kubernetes.authorization.PathCheck";
const GROUP_CHECK = "kubernetes.authorization.GroupCheck";
export const RESOURCE_CHECK = "kubernetes.authorization.ResourceCheck";
const DECISION = "kubernetes.authorization.Decision";
export const VARIABLES = "kubernetes.variables";

/** The fields of the object types BuildRequestType and BuildNamespaceType declare, by type name. */
const OBJECT_FIELDS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  Object.entries({
    [GVK]: { group: "string", version: "string", kind: "string" },
    [GVR]: { group: "string", version: "string", resource: "string" },
    [USER_INFO]: { username: "string", uid: "string", groups: "list(string)", extra: "map(string, list(string))" },
    [ADMISSION_REQUEST]: {
      kind: GVK,
      resource: GVR,
      subResource: "string",
      requestKind: GVK,
      requestResource: GVR,
      requestSubResource: "string",
      name: "string",
      namespace: "string",
      operation: "string",
      userInfo: USER_INFO,
      dryRun: "bool",
      options: "dyn",
    },
    "kubernetes.NamespaceSpec": { finalizers: "list(string)" },
    "kubernetes.NamespaceCondition": { status: "string", type: "string", lastTransitionTime: "timestamp", message: "string", reason: "string" },
    "kubernetes.NamespaceStatus": { conditions: "list(kubernetes.NamespaceCondition)", phase: "string" },
    "kubernetes.NamespaceMetadata": {
      name: "string",
      generateName: "string",
      namespace: "string",
      labels: "map(string, string)",
      annotations: "map(string, string)",
      UID: "string",
      creationTimestamp: "timestamp",
      deletionGracePeriodSeconds: "int",
      deletionTimestamp: "timestamp",
      generation: "int",
      resourceVersion: "string",
      finalizers: "list(string)",
    },
    [NAMESPACE]: { metadata: "kubernetes.NamespaceMetadata", spec: "kubernetes.NamespaceSpec", status: "kubernetes.NamespaceStatus" },
  }).map(([name, fields]) => [name, new Map(Object.entries(fields))]),
);

/** The authorizer library's member overloads: receiver type, argument types, result type (authz.go authzLibraryDecls and authzSelectorsLibraryDecls). */
const AUTHORIZER_METHODS: Readonly<Record<string, ReadonlyArray<{ receiver: string; args: readonly string[]; result: string }>>> = {
  path: [{ receiver: AUTHORIZER, args: ["string"], result: PATH_CHECK }],
  group: [{ receiver: AUTHORIZER, args: ["string"], result: GROUP_CHECK }],
  serviceAccount: [{ receiver: AUTHORIZER, args: ["string", "string"], result: AUTHORIZER }],
  resource: [{ receiver: GROUP_CHECK, args: ["string"], result: RESOURCE_CHECK }],
  subresource: [{ receiver: RESOURCE_CHECK, args: ["string"], result: RESOURCE_CHECK }],
  namespace: [{ receiver: RESOURCE_CHECK, args: ["string"], result: RESOURCE_CHECK }],
  name: [{ receiver: RESOURCE_CHECK, args: ["string"], result: RESOURCE_CHECK }],
  fieldSelector: [{ receiver: RESOURCE_CHECK, args: ["string"], result: RESOURCE_CHECK }],
  labelSelector: [{ receiver: RESOURCE_CHECK, args: ["string"], result: RESOURCE_CHECK }],
  check: [
    { receiver: PATH_CHECK, args: ["string"], result: DECISION },
    { receiver: RESOURCE_CHECK, args: ["string"], result: DECISION },
  ],
  allowed: [{ receiver: DECISION, args: [], result: "bool" }],
  errored: [{ receiver: DECISION, args: [], result: "bool" }],
  reason: [{ receiver: DECISION, args: [], result: "string" }],
  error: [{ receiver: DECISION, args: [], result: "string" }],
};

/** The declared variables of an admission expression's environment and their cel-go types. */
export type VariableTypes = ReadonlyMap<string, string>;

/** createEnvForOpts's variables, for the options the field compiles with. */
export function admissionVariableTypes(options: { hasParams: boolean; hasAuthorizer: boolean; hasVariables?: boolean }): VariableTypes {
  const types = new Map<string, string>([
    ["object", "dyn"],
    ["oldObject", "dyn"],
    ["namespaceObject", NAMESPACE],
    ["request", ADMISSION_REQUEST],
  ]);
  if (options.hasParams) types.set("params", "dyn");
  if (options.hasAuthorizer) {
    types.set("authorizer", AUTHORIZER);
    types.set("authorizer.requestResource", RESOURCE_CHECK);
  }
  if (options.hasVariables === true) types.set("variables", VARIABLES);
  return types;
}

const isNode = (value: unknown): value is ASTNode => value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string";

/** The parameters of `list(T)` or `map(K, V)`, split at the top-level comma. */
function typeParameters(type: string, kind: "list" | "map"): string[] | undefined {
  if (!type.startsWith(`${kind}(`) || !type.endsWith(")")) return undefined;
  const inner = type.slice(kind.length + 1, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "(") depth++;
    else if (inner[i] === ")") depth--;
    else if (inner[i] === "," && depth === 0) return [inner.slice(0, i), inner.slice(i + 2)];
  }
  return [inner];
}

/** The type of a literal (cel-js's parsed value), as cel-go names it. */
function literalType(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "bigint":
      return "int";
    case "number":
      return "double";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    default:
      if (value instanceof Uint8Array) return "bytes";
      return value?.constructor?.name === "UnsignedInteger" || value?.constructor?.name === "UnsignedInt" ? "uint" : undefined;
  }
}

const MAX_DEPTH = 64;

/**
 * cel-go's type of `node` in the admission environment, when the declarations
 * alone decide it; `variables` gives the declared variables' types and
 * `variableFields` the type of each composed variable kubeplan knows.
 */
export function typeOfNode(node: unknown, variables: VariableTypes, variableFields: ReadonlyMap<string, string>, scope: MacroScope = new Map(), depth = 0): string | undefined {
  if (!isNode(node) || depth > MAX_DEPTH) return undefined;
  const recurse = (child: unknown) => typeOfNode(child, variables, variableFields, scope, depth + 1);
  switch (node.op) {
    case "value":
      return literalType(node.args);
    case "id": {
      // A macro's variable hides a declared variable of its name.
      const name = node.args as string;
      return scope.has(name) ? scope.get(name) : variables.get(name);
    }
    case ".": {
      const [operand, field] = node.args as [ASTNode, string];
      // authorizer.requestResource is a variable of its own, found by its qualified name first.
      if (operand.op === "id" && !scope.has(operand.args as string) && variables.has(`${operand.args as string}.${field}`)) return variables.get(`${operand.args as string}.${field}`);
      return fieldType(recurse(operand), field, variableFields);
    }
    case "[]": {
      const [operand, index] = node.args as [ASTNode, ASTNode];
      const type = recurse(operand);
      if (type === "dyn") return "dyn";
      if (type === undefined) return undefined;
      const element = typeParameters(type, "list");
      if (element) return recurse(index) === "int" || recurse(index) === "dyn" ? element[0] : undefined;
      const entry = typeParameters(type, "map");
      return entry ? entry[1] : undefined;
    }
    case "rcall": {
      const [name, receiver, args] = node.args as [string, ASTNode, ASTNode[]];
      const overloads = Object.hasOwn(AUTHORIZER_METHODS, name) ? AUTHORIZER_METHODS[name]! : [];
      const receiverType = recurse(receiver);
      const argTypes = args.map(recurse);
      const fits = (actual: string | undefined, declared: string) => actual === declared || actual === "dyn";
      const matched = overloads.filter((o) => fits(receiverType, o.receiver) && o.args.length === argTypes.length && o.args.every((arg, i) => fits(argTypes[i], arg)));
      // Several matches of one result (check on a dyn receiver) are that result.
      return matched.length > 0 && matched.every((o) => o.result === matched[0]!.result) ? matched[0]!.result : undefined;
    }
    default:
      return undefined;
  }
}

/** The type of `field` selected on a value of `type`; undefined where cel-go refuses the selection or kubeplan cannot tell. */
function fieldType(type: string | undefined, field: string, variableFields: ReadonlyMap<string, string>): string | undefined {
  if (type === undefined) return undefined;
  if (type === "dyn") return "dyn";
  if (type === VARIABLES) return variableFields.get(field);
  const fields = OBJECT_FIELDS.get(type);
  if (fields) return fields.get(field);
  // A map's selection is its value.
  return typeParameters(type, "map")?.[1];
}

/** convertCelTypeToDeclType: a variable's type as a field of `variables`; object types are dyn there, in lists and maps too. */
export function variableFieldType(type: string): string {
  return type.replace(/kubernetes\.[A-Za-z.]+/g, "dyn");
}
