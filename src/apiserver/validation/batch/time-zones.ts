// Time zone names as Go's time.LoadLocation resolves them, approximated with
// the IANA database that ships with Node (ICU). ICU matches names without
// regard to case; Go does not, so case variants of known names are refused.
import { nearest } from "../../../util/suggest.js";

function supportedZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return typeof intl.supportedValuesOf === "function" ? intl.supportedValuesOf("timeZone") : [];
}

interface Zones {
  names: string[];
  set: Set<string>;
  byLower: Map<string, string>;
}

let zoneTables: Zones | undefined;

/** Read from ICU when a time zone is first checked: most runs check none. */
function zones(): Zones {
  if (!zoneTables) {
    const names = supportedZones();
    zoneTables = { names, set: new Set(names), byLower: new Map(names.map((zone) => [zone.toLowerCase(), zone])) };
  }
  return zoneTables;
}

function icuAccepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Whether time.LoadLocation finds the zone ("" is UTC, "Local" the server's zone). */
export function isKnownTimeZone(name: string): boolean {
  if (name === "" || name === "UTC" || name === "Local" || zones().set.has(name)) return true;
  if (zones().byLower.has(name.toLowerCase())) return false;
  // Zone names and their aliases (US/Eastern, Etc/GMT+5, EST5EDT) start each part with a capital or a digit.
  if (name.split("/").some((part) => !/^[A-Z0-9]/.test(part))) return false;
  return icuAccepts(name);
}

/** The zone name most likely meant (`europe/paris`, `Europe/Pariss` → `Europe/Paris`). */
export function nearestTimeZone(name: string): string | undefined {
  const { byLower, names } = zones();
  return byLower.get(name.toLowerCase()) ?? nearest(name, names);
}

/** time.LoadLocation's error message. */
export function unknownTimeZone(name: string): string {
  return `unknown time zone ${name}`;
}
