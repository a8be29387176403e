// The overloads of the functions whose every overload kubeplan knows, in
// every release it targets, with argument and result types: cel-go's
// standard library (common/stdlib/standard.go: operators, size, string
// tests, timestamp and duration getters), the optional types library, the
// strings extension of version 2, Kubernetes' lists, regex, authorizer,
// quantity, URL, IP, CIDR, format and semver libraries (pkg/cel/library)
// and the sets extension. A call of one of them with arguments of known types that no
// overload takes is cel-go's `found no matching overload`; the other
// functions give their result type where every overload has the same one
// (conversions, the is* tests), else nothing is known of their calls.
// Whether a function exists in a release, and with which argument counts, is
// declarations.ts's to say.
import { parseType, splitParameters, type CheckedType } from "./checker-types.js";
import { FORMAT_NAMES } from "./declarations.js";

export interface Overload {
  member: boolean;
  /** The receiver first for a member overload. */
  params: readonly CheckedType[];
  result: CheckedType;
}

/** The object types of the Kubernetes libraries named in the declarations below. */
const AUTHORIZER = "kubernetes.authorization.Authorizer";
const PATH_CHECK = "kubernetes.authorization.PathCheck";
const GROUP_CHECK = "kubernetes.authorization.GroupCheck";
const RESOURCE_CHECK = "kubernetes.authorization.ResourceCheck";
const DECISION = "kubernetes.authorization.Decision";
const QUANTITY = "kubernetes.Quantity";
const URL = "kubernetes.URL";
const SEMVER = "kubernetes.Semver";
const NAMED_FORMAT = "kubernetes.NamedFormat";
/** The IP and CIDR libraries' types are opaque (cel.OpaqueType), the others objects (cel.ObjectType). */
const IP = "net.IP";
const CIDR = "net.CIDR";
const OBJECT_TYPES = new Set([AUTHORIZER, PATH_CHECK, GROUP_CHECK, RESOURCE_CHECK, DECISION, QUANTITY, URL, SEMVER, NAMED_FORMAT]);

/** One overload: `string.(string, int) -> int` for a member, `(list(A), int) -> A` for a global one. */
function parseOverload(text: string): Overload {
  const [signature, result] = text.split(" -> ") as [string, string];
  const member = !signature.startsWith("(");
  const open = member ? signature.lastIndexOf(".(") + 1 : 0;
  const inner = signature.slice(open + 1, -1);
  const args = splitParameters(inner);
  const params = [...(member ? [signature.slice(0, open - 1)] : []), ...args].map((type) => parseType(type, OBJECT_TYPES));
  return { member, params, result: parseType(result, OBJECT_TYPES) };
}

const OVERLOADS = new Map<string, Overload[]>();

function declare(names: string, ...overloads: string[]): void {
  for (const name of names.split(" ")) OVERLOADS.set(name, [...(OVERLOADS.get(name) ?? []), ...overloads.map(parseOverload)]);
}

const NUMERIC = ["int", "uint", "double"];
const COMPARABLE = ["int", "uint", "double", "bool", "duration", "timestamp", "string", "bytes"];

// The standard library's operators (cross-type numeric comparisons on, as Kubernetes has them since 1.28).
declare("_?_:_", "(bool, A, A) -> A");
declare("!_", "(bool) -> bool");
declare("_==_ _!=_", "(A, A) -> bool");
declare("-_", "(int) -> int", "(double) -> double");
declare(
  "_+_",
  ...NUMERIC.map((t) => `(${t}, ${t}) -> ${t}`),
  "(string, string) -> string",
  "(bytes, bytes) -> bytes",
  "(list(A), list(A)) -> list(A)",
  "(duration, duration) -> duration",
  "(duration, timestamp) -> timestamp",
  "(timestamp, duration) -> timestamp",
);
declare("_-_", ...NUMERIC.map((t) => `(${t}, ${t}) -> ${t}`), "(duration, duration) -> duration", "(timestamp, duration) -> timestamp", "(timestamp, timestamp) -> duration");
declare("_*_ _/_", ...NUMERIC.map((t) => `(${t}, ${t}) -> ${t}`));
declare("_%_", "(int, int) -> int", "(uint, uint) -> uint");
declare(
  "_<_ _<=_ _>_ _>=_",
  ...["bool", "string", "bytes", "timestamp", "duration"].map((t) => `(${t}, ${t}) -> bool`),
  ...NUMERIC.flatMap((a) => NUMERIC.map((b) => `(${a}, ${b}) -> bool`)),
);
declare("_[_]", "(list(A), int) -> A", "(map(A, B), A) -> B");
// The optional types library (cel/library.go): it indexes optional lists and maps too, and its optional index `[?]`.
declare("_[_]", "(optional_type(list(V)), int) -> optional_type(V)", "(optional_type(map(K, V)), K) -> optional_type(V)");
declare("_[?_]", "(list(V), int) -> optional_type(V)", "(optional_type(list(V)), int) -> optional_type(V)", "(map(K, V), K) -> optional_type(V)", "(optional_type(map(K, V)), K) -> optional_type(V)");
declare("optional.of optional.ofNonZeroValue", "(V) -> optional_type(V)");
declare("optional.none", "() -> optional_type(V)");
declare("value", "optional_type(V).() -> V");
declare("hasValue", "optional_type(V).() -> bool");
declare("or", "optional_type(V).(optional_type(V)) -> optional_type(V)");
declare("orValue", "optional_type(V).(V) -> V");
// Its version 2 (cel-go 0.23, Kubernetes 1.33): whether a release has them is declarations.ts's to say.
declare("first last", "list(V).() -> optional_type(V)");
declare("optional.unwrap", "(list(optional_type(V))) -> list(V)");
declare("unwrapOpt", "list(optional_type(V)).() -> list(V)");
declare("@in", "(A, list(A)) -> bool", "(A, map(A, B)) -> bool");
// The standard library's functions.
declare("size", ...["string", "bytes", "list(A)", "map(A, B)"].flatMap((t) => [`(${t}) -> int`, `${t}.() -> int`]));
declare("contains startsWith endsWith", "string.(string) -> bool");
declare("matches", "(string, string) -> bool", "string.(string) -> bool");
declare("getFullYear getMonth getDayOfYear getDayOfMonth getDate getDayOfWeek", "timestamp.() -> int", "timestamp.(string) -> int");
declare("getHours getMinutes getSeconds getMilliseconds", "timestamp.() -> int", "timestamp.(string) -> int", "duration.() -> int");
// The strings extension, version 2.
declare("charAt", "string.(int) -> string");
declare("indexOf lastIndexOf", "string.(string) -> int", "string.(string, int) -> int");
declare("lowerAscii upperAscii trim", "string.() -> string");
declare("replace", "string.(string, string) -> string", "string.(string, string, int) -> string");
declare("split", "string.(string) -> list(string)", "string.(string, int) -> list(string)");
declare("substring", "string.(int) -> string", "string.(int, int) -> string");
declare("join", "list(string).() -> string", "list(string).(string) -> string");
declare("format", "string.(list(dyn)) -> string");
declare("strings.quote", "(string) -> string");
// Kubernetes' lists library (its indexOf and lastIndexOf beside the strings extension's).
declare("indexOf lastIndexOf", "list(A).(A) -> int");
declare("isSorted", ...COMPARABLE.map((t) => `list(${t}).() -> bool`));
declare("sum", ...["int", "uint", "double", "duration"].map((t) => `list(${t}).() -> ${t}`));
declare("min max", ...COMPARABLE.map((t) => `list(${t}).() -> ${t}`));
// Kubernetes' regex library.
declare("find", "string.(string) -> string");
declare("findAll", "string.(string) -> list(string)", "string.(string, int) -> list(string)");
// The sets extension.
declare("sets.contains sets.equivalent sets.intersects", "(list(A), list(A)) -> bool");
// Kubernetes' authorizer library and its selectors.
declare("path", `${AUTHORIZER}.(string) -> ${PATH_CHECK}`);
declare("group", `${AUTHORIZER}.(string) -> ${GROUP_CHECK}`);
declare("serviceAccount", `${AUTHORIZER}.(string, string) -> ${AUTHORIZER}`);
declare("resource", `${GROUP_CHECK}.(string) -> ${RESOURCE_CHECK}`);
declare("subresource namespace name fieldSelector labelSelector", `${RESOURCE_CHECK}.(string) -> ${RESOURCE_CHECK}`);
declare("check", `${PATH_CHECK}.(string) -> ${DECISION}`, `${RESOURCE_CHECK}.(string) -> ${DECISION}`);
declare("allowed errored", `${DECISION}.() -> bool`);
declare("reason error", `${DECISION}.() -> string`);

// Kubernetes' quantity library (sign a global function), and the semver library's methods of the same names.
declare("quantity", `(string) -> ${QUANTITY}`);
declare("sign", `(${QUANTITY}) -> int`);
declare("isQuantity isURL isIP isCIDR ip.isCanonical", "(string) -> bool");
declare("isGreaterThan isLessThan", `${QUANTITY}.(${QUANTITY}) -> bool`, `${SEMVER}.(${SEMVER}) -> bool`);
declare("compareTo", `${QUANTITY}.(${QUANTITY}) -> int`, `${SEMVER}.(${SEMVER}) -> int`);
declare("asApproximateFloat", `${QUANTITY}.() -> double`);
declare("asInteger", `${QUANTITY}.() -> int`);
declare("isInteger", `${QUANTITY}.() -> bool`);
declare("add sub", `${QUANTITY}.(${QUANTITY}) -> ${QUANTITY}`, `${QUANTITY}.(int) -> ${QUANTITY}`);
// The URL library.
declare("url", `(string) -> ${URL}`);
declare("getScheme getHost getHostname getPort getEscapedPath", `${URL}.() -> string`);
declare("getQuery", `${URL}.() -> map(string, list(string))`);
// The IP and CIDR libraries.
declare("ip", `(string) -> ${IP}`, `${CIDR}.() -> ${IP}`);
declare("family", `${IP}.() -> int`);
declare("isUnspecified isLoopback isLinkLocalMulticast isLinkLocalUnicast isGlobalUnicast", `${IP}.() -> bool`);
declare("cidr", `(string) -> ${CIDR}`);
declare("containsIP", `${CIDR}.(string) -> bool`, `${CIDR}.(${IP}) -> bool`);
declare("containsCIDR", `${CIDR}.(string) -> bool`, `${CIDR}.(${CIDR}) -> bool`);
declare("prefixLength", `${CIDR}.() -> int`);
declare("masked", `${CIDR}.() -> ${CIDR}`);
// The format library (1.31; new expressions from 1.32): named formats and their validation.
declare(FORMAT_NAMES.map((name) => `format.${name}`).join(" "), `() -> ${NAMED_FORMAT}`);
declare("format.named", `(string) -> optional_type(${NAMED_FORMAT})`);
declare("validate", `${NAMED_FORMAT}.(string) -> optional_type(list(string))`);
// The semver library (its normalizing flag from version 1).
declare("semver", `(string) -> ${SEMVER}`, `(string, bool) -> ${SEMVER}`);
declare("isSemver", "(string) -> bool", "(string, bool) -> bool");
declare("major minor patch", `${SEMVER}.() -> int`);

/** Functions whose overloads kubeplan does not all list, but which all have this result type. */
const RESULT_TYPES: ReadonlyMap<string, CheckedType> = new Map(
  Object.entries({
    int: "int",
    uint: "uint",
    double: "double",
    string: "string",
    bytes: "bytes",
    bool: "bool",
    duration: "duration",
    timestamp: "timestamp",
    dyn: "dyn",
  }).map(([name, type]) => [name, parseType(type)]),
);

/** Every overload of `name`, when kubeplan knows them all. */
export function overloadsOf(name: string): readonly Overload[] | undefined {
  return OVERLOADS.get(name);
}

/** The result type every overload of `name` has, for the functions whose overloads are not all listed. */
export function uniformResultType(name: string): CheckedType | undefined {
  return RESULT_TYPES.get(name);
}

/** The type names the authorizer library declares as objects. */
export const AUTHORIZER_TYPES = { AUTHORIZER, RESOURCE_CHECK } as const;
/** The object types of the libraries, fields of none of which kubeplan knows. */
export const LIBRARY_OBJECT_TYPES: ReadonlySet<string> = OBJECT_TYPES;
