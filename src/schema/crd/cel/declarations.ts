// The functions and macros Kubernetes' CEL environment declares, and the
// release from which a new expression may use each (apiserver
// pkg/cel/environment/base.go): an expression written on create is compiled
// in the environment of the release's MinCompatibilityVersion, one minor
// before it, so a library introduced in 1.30 is usable from 1.31. Every
// library base.go adds is listed, with the call styles and argument counts
// of its overloads: cel-go's standard library, optional types, the strings
// extension (version 2), Kubernetes' lists, regex, URL, authorizer,
// quantity, IP, CIDR, format and semver libraries, the sets extension, the
// lists extension (version 3), and the two-variable comprehensions. There is
// no `cel.bind` nor `math` library: base.go adds neither ext.Bindings nor
// ext.Math. A name looked up here is cel-go's LookupFunction: by name, so a
// member call of a function declared only as a global one still finds it.
import { atLeast } from "../../../util/release.js";

/** The first release whose new expressions may use each library: the release after the one that introduced it. */
const IP_AND_CIDR = "1.31";
const FORMAT = "1.32";
const TWO_VARIABLE_COMPREHENSIONS = "1.33";
const SEMVER = "1.34";
const LISTS_V3 = "1.35";
/** Optional types' version 2 (first, last, optional.unwrap, unwrapOpt) came with cel-go 0.23, Kubernetes 1.33's, whose optional library is at its latest version in every environment. */
const OPTIONAL_TYPES_V2 = "1.33";

/** The named formats of the format library (format.go ConstantFormats): `format.<name>()`. */
export const FORMAT_NAMES: readonly string[] = ["dns1123Label", "dns1123Subdomain", "dns1035Label", "qualifiedName", "dns1123LabelPrefix", "dns1123SubdomainPrefix", "dns1035LabelPrefix", "labelValue", "uri", "uuid", "byte", "date", "datetime"];

/** An overload's call style and argument count: `g1` a global call with one argument, `m0` a member call without; `*` any. */
type Shape = string;

/** A library only some environments add: the mutating admission policies' JSON patch library. */
export type OptionalLibrary = "jsonpatch";

interface Declaration {
  shapes: readonly Shape[];
  since?: string;
  library?: OptionalLibrary;
}

const DECLARATIONS = new Map<string, Declaration[]>();

function declare(names: string, shapes: string, since?: string, library?: OptionalLibrary): void {
  for (const name of names.split(" ")) {
    const list = DECLARATIONS.get(name) ?? [];
    list.push({ shapes: shapes.split(" "), ...(since ? { since } : {}), ...(library ? { library } : {}) });
    DECLARATIONS.set(name, list);
  }
}

// cel-go's standard library.
declare("size", "g1 m0");
declare("contains startsWith endsWith", "m1");
declare("matches", "g2 m1");
declare("bool bytes double duration dyn int string timestamp type uint", "g1");
declare("getDate getDayOfMonth getDayOfWeek getDayOfYear getFullYear getHours getMilliseconds getMinutes getMonth getSeconds", "m0 m1");
// Optional types (1.28), and their version 2.
declare("optional.of optional.ofNonZeroValue", "g1");
declare("optional.none", "g0");
declare("value hasValue", "m0");
declare("or orValue", "m1");
declare("first last unwrapOpt", "m0", OPTIONAL_TYPES_V2);
declare("optional.unwrap", "g1", OPTIONAL_TYPES_V2);
// The strings extension, version 2 (1.29).
declare("charAt format", "m1");
declare("indexOf lastIndexOf", "m1 m2");
declare("lowerAscii upperAscii trim", "m0");
declare("replace", "m2 m3");
declare("split substring", "m1 m2");
declare("join", "m0 m1");
declare("strings.quote", "g1");
// Kubernetes' lists library (indexOf and lastIndexOf above), regex and URLs.
declare("isSorted sum min max", "m0");
declare("find", "m1");
declare("findAll", "m1 m2");
declare("url isURL", "g1");
declare("getScheme getHost getHostname getPort getEscapedPath getQuery", "m0");
// The authorizer library and its selectors.
declare("path group resource subresource namespace name check fieldSelector labelSelector", "m1");
declare("serviceAccount", "m2");
declare("allowed reason errored error", "m0");
// Quantity (1.28).
declare("quantity isQuantity", "g1");
// sign is a global function (quantity.go declares quantity_sign with cel.Overload, not cel.MemberOverload).
declare("sign", "g1");
declare("asInteger asApproximateFloat isInteger", "m0");
declare("isGreaterThan isLessThan compareTo add sub", "m1");
// The sets extension (1.29).
declare("sets.contains sets.equivalent sets.intersects", "g2");
// IP and CIDR (1.30).
declare("ip isIP cidr isCIDR ip.isCanonical", "g1", IP_AND_CIDR);
declare("family isUnspecified isLoopback isLinkLocalMulticast isLinkLocalUnicast isGlobalUnicast ip masked prefixLength", "m0", IP_AND_CIDR);
declare("containsIP containsCIDR", "m1", IP_AND_CIDR);
// Format (1.31).
declare(
  FORMAT_NAMES.map((name) => `format.${name}`).join(" "),
  "g0",
  FORMAT,
);
declare("format.named", "g1", FORMAT);
declare("validate", "m1", FORMAT);
// Semver (1.33); isGreaterThan, isLessThan and compareTo share quantity's names, so are declared in every release.
declare("semver isSemver", "g1 g2", SEMVER);
declare("major minor patch", "m0", SEMVER);
declare("isGreaterThan isLessThan compareTo", "m1", SEMVER);
// The lists extension, version 3 (1.34).
declare("slice", "m2", LISTS_V3);
declare("flatten", "m0 m1", LISTS_V3);
declare("distinct reverse sort", "m0", LISTS_V3);
declare("lists.range", "g1", LISTS_V3);
// The JSON patch library: only the mutations of a mutating admission policy (plugin/cel compile.go hasPatchTypes).
declare("jsonpatch.escapeKey", "g1", undefined, "jsonpatch");

/** The overload shapes of `name` a new expression may call in the release, with the optional libraries its environment adds; empty when the name is not declared. */
export function offeredShapes(name: string, kubernetesVersion: string, libraries: ReadonlySet<OptionalLibrary> = new Set()): Shape[] {
  const declarations = DECLARATIONS.get(name);
  if (!declarations) return [];
  return declarations
    .filter((d) => (d.since === undefined || atLeast(kubernetesVersion, d.since)) && (d.library === undefined || libraries.has(d.library)))
    .flatMap((d) => d.shapes);
}

/** The macros: receiver macros by name and argument count, and the arguments they bind (identifiers). */
interface MacroDeclaration {
  counts: readonly number[];
  /** How many leading arguments are the variables the macro binds. */
  variables: number;
  since?: string;
}

const MACROS: Readonly<Record<string, readonly MacroDeclaration[]>> = {
  all: [{ counts: [2], variables: 1 }, { counts: [3], variables: 2, since: TWO_VARIABLE_COMPREHENSIONS }],
  exists: [{ counts: [2], variables: 1 }, { counts: [3], variables: 2, since: TWO_VARIABLE_COMPREHENSIONS }],
  exists_one: [{ counts: [2], variables: 1 }, { counts: [3], variables: 2, since: TWO_VARIABLE_COMPREHENSIONS }],
  existsOne: [{ counts: [3], variables: 2, since: TWO_VARIABLE_COMPREHENSIONS }],
  filter: [{ counts: [2], variables: 1 }],
  map: [{ counts: [2, 3], variables: 1 }],
  transformList: [{ counts: [3, 4], variables: 2, since: TWO_VARIABLE_COMPREHENSIONS }],
  transformMap: [{ counts: [3, 4], variables: 2, since: TWO_VARIABLE_COMPREHENSIONS }],
  transformMapEntry: [{ counts: [3, 4], variables: 2, since: TWO_VARIABLE_COMPREHENSIONS }],
  sortBy: [{ counts: [2], variables: 1, since: LISTS_V3 }],
  optMap: [{ counts: [2], variables: 1 }],
  optFlatMap: [{ counts: [2], variables: 1 }],
};

/** How many variables the receiver macro `name` with `count` arguments binds in the release; undefined when it is no macro there (a call). */
export function receiverMacroVariables(name: string, count: number, kubernetesVersion: string): number | undefined {
  const declarations = Object.hasOwn(MACROS, name) ? MACROS[name]! : [];
  const offered = declarations.find((d) => d.counts.includes(count) && (d.since === undefined || atLeast(kubernetesVersion, d.since)));
  return offered?.variables;
}

/** Whether `name` with `count` arguments is a receiver macro in some release. */
export function isReceiverMacro(name: string, count: number): boolean {
  return Object.hasOwn(MACROS, name) && MACROS[name]!.some((d) => d.counts.includes(count));
}

/** The identifiers of types cel-go declares (`type(x) == string`), and the roots of qualified type names. */
export const TYPE_IDENTIFIERS: ReadonlySet<string> = new Set(["bool", "bytes", "double", "duration", "dyn", "int", "list", "map", "null_type", "string", "timestamp", "type", "uint", "optional_type", "google", "kubernetes"]);
