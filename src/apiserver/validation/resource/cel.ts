// A device selector's CEL expression compiled as the API server compiles it on
// create (k8s.io/dynamic-resource-allocation/cel CompileCELExpression): in the
// environment of one `device` (driver, attributes, capacity), to a bool or the
// unknown type, with a worst-case cost within CELSelectorExpressionMaxCost.
import { forbidden, invalid, tooLong, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { kubernetesCelEnvironment, type KubernetesCelEnvironment } from "../../../schema/crd/cel/library.js";
import { estimateCost } from "../../../schema/crd/cel/cost.js";
import type { CelType } from "../../../schema/crd/cel/types.js";
import { compileInEnvironment } from "../cel-compile.js";

/** CELSelectorExpressionMaxLength. */
const CEL_SELECTOR_EXPRESSION_MAX_LENGTH = 10 * 1024;
/** CELSelectorExpressionMaxCost. */
const CEL_SELECTOR_EXPRESSION_MAX_COST = 1_000_000;

/** The sizes compile.go declares for `device`, which bound the cost estimate. */
const DRIVER_NAME_MAX_LENGTH = 63;
const DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH = 64;
const MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE = 32;

const mapOf = (elem: CelType): CelType => ({ kind: "map", maxElements: MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE, minSerializedSize: 2, elem });
const ATTRIBUTE: CelType = { kind: "dyn", maxElements: DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH, minSerializedSize: 1 };
const QUANTITY: CelType = { kind: "object", maxElements: 1, minSerializedSize: 1 };
const DEVICE: CelType = {
  kind: "object",
  maxElements: 1,
  minSerializedSize: 2,
  fields: new Map<string, CelType>([
    ["driver", { kind: "string", maxElements: DRIVER_NAME_MAX_LENGTH, minSerializedSize: 2 }],
    ["allowMultipleAllocations", { kind: "bool", maxElements: 1, minSerializedSize: 4 }],
    ["attributes", mapOf(mapOf(ATTRIBUTE))],
    ["capacity", mapOf(mapOf(QUANTITY))],
  ]),
};

let environment: KubernetesCelEnvironment | null | undefined;

/** The selector environment, built on first use. */
function deviceEnvironment(): KubernetesCelEnvironment | null {
  if (environment === undefined) environment = kubernetesCelEnvironment({ device: "map" });
  return environment;
}

/** validateCELSelector's expression: at most 10 KiB, compiled to a bool (a result of unknown type may be one), not too costly. */
export function validateCELExpression(expression: string, fldPath: FieldPath): ErrorList {
  if (Buffer.byteLength(expression) > CEL_SELECTOR_EXPRESSION_MAX_LENGTH) return [tooLong(fldPath, "", CEL_SELECTOR_EXPRESSION_MAX_LENGTH)];
  const env = deviceEnvironment();
  if (!env) return [];
  const outcome = compileInEnvironment(env, expression, fldPath, expression);
  if ("error" in outcome) return [outcome.error];
  if (outcome.type !== undefined && outcome.type !== "bool") {
    return [invalid(fldPath, expression, `must evaluate to bool or the unknown type, not ${outcome.type}`)];
  }
  if (estimateCost(outcome.ast, new Map([["device", DEVICE]]), "static") > CEL_SELECTOR_EXPRESSION_MAX_COST) {
    return [forbidden(fldPath, "too complex, exceeds cost limit")];
  }
  return [];
}
