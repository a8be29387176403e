// A Deployment's or a DaemonSet's update strategy as a bad value: its type
// and, when set, its rolling update (maxUnavailable, then maxSurge, as the
// internal types declare them).
import { intOrStringField } from "../../apimachinery/intstr.js";
import { PrintedValue } from "../../field/errors.js";
import { pointerField, printedFor, scalarField, structField } from "../../field/values.js";
import { obj, str } from "../core/fields.js";
import type { JsonRecord } from "../../../util/object-access.js";

/** `strategyType` and `rollingUpdateType` are the internal Go types (`apps.DeploymentStrategy`, `apps.RollingUpdateDeployment`). */
export function rollingStrategyValue(strategy: JsonRecord, strategyType: string, rollingUpdateType: string, kubernetesVersion: string): PrintedValue {
  const rollingUpdate = obj(strategy, "rollingUpdate");
  const rollingUpdateField = rollingUpdate
    ? structField(rollingUpdateType, [
        ["MaxUnavailable", intOrStringField(rollingUpdate.maxUnavailable)],
        ["MaxSurge", intOrStringField(rollingUpdate.maxSurge)],
      ])
    : undefined;
  const value = structField(strategyType, [
    ["Type", scalarField(str(strategy, "type"))],
    ["RollingUpdate", pointerField(rollingUpdateType, rollingUpdateField)],
  ]);
  return new PrintedValue(printedFor(value, kubernetesVersion));
}
