// ValidateServiceCIDR (pkg/apis/networking/validation/validation.go): one or
// two CIDRs, in canonical form, one per IP family.
import { isValidCIDR } from "../../apimachinery/ip.js";
import { ipFamily, parseCIDRSloppy } from "../../apimachinery/net.js";
import { invalid, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson, rendersCompositeAsJson, stringListValue } from "../../field/values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { obj, strings } from "../core/fields.js";

/** netutils.IPFamilyOfCIDRString: 4, 6, or undefined when it does not parse. */
function ipFamilyOfCIDRString(cidr: string): 4 | 6 | undefined {
  const net = parseCIDRSloppy(cidr);
  return net && ipFamily(net.ip);
}

/** The spec as a bad value: JSON since 1.34, Go syntax before. */
function serviceCIDRSpecValue(cidrs: string[], kubernetesVersion: string): PrintedValue {
  if (rendersCompositeAsJson(kubernetesVersion)) return new PrintedValue(`{"cidrs":${goJson(cidrs)}}`);
  return new PrintedValue(`networking.ServiceCIDRSpec{CIDRs:${stringListValue(cidrs, "string", kubernetesVersion)}}`);
}

/** validateServiceCIDRSpec. */
function validateServiceCIDRSpec(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const cidrs = strings(spec, "cidrs");
  if (cidrs.length === 0) return [required(fldPath, "at least one CIDR required")];
  if (cidrs.length > 2) return [invalid(fldPath, serviceCIDRSpecValue(cidrs, kubernetesVersion), "may only hold up to 2 values")];
  const errors = cidrs.flatMap((cidr, i) => isValidCIDR(fldPath.index(i), cidr));
  const families = cidrs.map(ipFamilyOfCIDRString);
  if (cidrs.length === 2 && families[0] === families[1] && families[0] !== undefined) {
    errors.push(invalid(fldPath, new PrintedValue(stringListValue(cidrs, "string", kubernetesVersion)), "may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64"));
  }
  return errors;
}

/** ValidateServiceCIDR, after ObjectMeta. */
export function validateServiceCIDR(serviceCIDR: JsonRecord, kubernetesVersion: string): ErrorList {
  return validateServiceCIDRSpec(obj(serviceCIDR, "spec") ?? {}, FieldPath.root("spec", "cidrs"), kubernetesVersion);
}
