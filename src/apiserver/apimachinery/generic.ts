// k8s.io/apimachinery/pkg/api/validation/generic.go: the name checks objects use
// (`ValidateNameFunc`): `prefix` is true for a generateName, whose trailing dash is allowed.
import { isDNS1123Label, isDNS1123Subdomain } from "./validation.js";

export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/** maskTrailingDash: a generateName may end with `-` (a suffix follows). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? name.slice(0, -2) + "a" : name;
}

export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** ValidateNamespaceName. */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;
