// Time zone names as Go's time.LoadLocation resolves them, approximated with
// the IANA database that ships with Node (ICU). ICU matches names without
// regard to case; Go does not, so case variants of known names are refused.
import { nearest } from "../../../util/suggest.js";

function supportedZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return typeof intl.supportedValuesOf === "function" ? intl.supportedValuesOf("timeZone") : [];
}

const ZONES = supportedZones();
const ZONE_SET = new Set(ZONES);
const ZONES_BY_LOWER = new Map(ZONES.map((zone) => [zone.toLowerCase(), zone]));

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
  if (name === "" || name === "UTC" || name === "Local" || ZONE_SET.has(name)) return true;
  if (ZONES_BY_LOWER.has(name.toLowerCase())) return false;
  // Zone names and their aliases (US/Eastern, Etc/GMT+5, EST5EDT) start each part with a capital or a digit.
  if (name.split("/").some((part) => !/^[A-Z0-9]/.test(part))) return false;
  return icuAccepts(name);
}

/** The zone name most likely meant (`europe/paris`, `Europe/Pariss` → `Europe/Paris`). */
export function nearestTimeZone(name: string): string | undefined {
  return ZONES_BY_LOWER.get(name.toLowerCase()) ?? nearest(name, ZONES);
}

/** time.LoadLocation's error message. */
export function unknownTimeZone(name: string): string {
  return `unknown time zone ${name}`;
}
