// The types of the admission environment's variables as cel-go's checker
// knows them (k8s.io/apiserver plugin/cel compile.go createEnvForOpts):
// object, oldObject and params are dyn; request is BuildRequestType's
// kubernetes.AdmissionRequest and namespaceObject BuildNamespaceType's
// kubernetes.Namespace, objects with declared fields; authorizer and
// authorizer.requestResource are the authorizer library's object types
// (pkg/cel/library/authz.go); variables is kubernetes.variables
// (composition.go), whose fields are the variables compiled before, each of
// the type its expression compiled to (a variable whose type kubeplan does
// not know is of unknown type here too). These are the declarations the
// checker (schema/crd/cel/checker.ts) checks admission expressions against.
import { formatType, parseType, type CheckedType } from "../../../schema/crd/cel/checker-types.js";
import type { CheckerDeclarations } from "../../../schema/crd/cel/checker.js";
import type { OptionalLibrary } from "../../../schema/crd/cel/declarations.js";
import { AUTHORIZER_TYPES, LIBRARY_OBJECT_TYPES } from "../../../schema/crd/cel/overloads.js";

const GVK = "kubernetes.GroupVersionKind";
const GVR = "kubernetes.GroupVersionResource";
const USER_INFO = "kubernetes.UserInfo";
export const ADMISSION_REQUEST = "kubernetes.AdmissionRequest";
export const NAMESPACE = "kubernetes.Namespace";
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
    types.set("authorizer", AUTHORIZER_TYPES.AUTHORIZER);
    types.set("authorizer.requestResource", AUTHORIZER_TYPES.RESOURCE_CHECK);
  }
  if (options.hasVariables === true) types.set("variables", VARIABLES);
  return types;
}

const OBJECT_TYPES: ReadonlySet<string> = new Set([...OBJECT_FIELDS.keys(), VARIABLES, ...LIBRARY_OBJECT_TYPES]);
const parsed = new Map<string, CheckedType>();

/** A declared type's text as the checker's type. */
function declaredType(text: string): CheckedType {
  let type = parsed.get(text);
  if (!type) parsed.set(text, (type = parseType(text, OBJECT_TYPES)));
  return type;
}

/**
 * The checker's declarations for an admission expression: `variables` its
 * environment's variables and their types, `variableFields` the variables
 * compiled before (name → type, undefined where kubeplan does not know it),
 * `declared` every variable name the environment has (jsonpatch's namespace too).
 */
export function admissionDeclarations(variables: VariableTypes, variableFields: ReadonlyMap<string, string | undefined>, declared: ReadonlySet<string>, kubernetesVersion: string, libraries: ReadonlySet<OptionalLibrary>): CheckerDeclarations {
  const variableFieldTypes = new Map([...variableFields].map(([name, type]) => [name, type === undefined ? null : declaredType(type)]));
  return {
    variable: (name) => {
      const type = variables.get(name);
      if (type !== undefined) return declaredType(type);
      return declared.has(name) ? null : undefined;
    },
    fields: (typeName) => {
      if (typeName === VARIABLES) return variables.has("variables") ? variableFieldTypes : undefined;
      const fields = OBJECT_FIELDS.get(typeName);
      return fields ? new Map([...fields].map(([name, type]) => [name, declaredType(type)])) : undefined;
    },
    kubernetesVersion,
    libraries,
  };
}

/** convertCelTypeToDeclType: a variable's type as a field of `variables`; what is neither a scalar, a list nor a map (objects, optionals, types) is dyn there, in lists and maps too. */
export function variableFieldType(type: string): string {
  const convert = (t: CheckedType): string => {
    switch (t.kind) {
      case "primitive":
      case "null":
        return formatType(t);
      case "list":
        return `list(${convert(t.elem)})`;
      case "map":
        return `map(${convert(t.key)}, ${convert(t.value)})`;
      default:
        return "dyn";
    }
  };
  return convert(parseType(type, OBJECT_TYPES));
}
