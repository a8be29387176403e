// API defaulting of flowcontrol.apiserver.k8s.io/v1 (pkg/apis/flowcontrol/v1/defaults.go).
import { setDefault } from "./fields.js";
import { objectAt, type JsonRecord } from "../../util/object-access.js";

const FLOW_SCHEMA_DEFAULT_MATCHING_PRECEDENCE = 1000;
const DEFAULT_NOMINAL_CONCURRENCY_SHARES = 30;

/** Sets an int32 field (not a pointer) that is absent or 0. */
function setDefaultIfZero(parent: JsonRecord | undefined, key: string, value: number): void {
  if (parent && (parent[key] === undefined || parent[key] === 0)) parent[key] = value;
}

/** SetDefaults_FlowSchemaSpec. */
export function setDefaultsFlowSchema(body: JsonRecord): void {
  setDefaultIfZero(objectAt(body, "spec"), "matchingPrecedence", FLOW_SCHEMA_DEFAULT_MATCHING_PRECEDENCE);
}

/** SetDefaults_PriorityLevelConfiguration and the defaults of its exempt, limited and queuing parts. */
export function setDefaultsPriorityLevelConfiguration(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  const exempt = objectAt(spec, "exempt");
  setDefault(exempt, "nominalConcurrencyShares", 0);
  setDefault(exempt, "lendablePercent", 0);
  const limited = objectAt(spec, "limited");
  setDefault(limited, "nominalConcurrencyShares", DEFAULT_NOMINAL_CONCURRENCY_SHARES);
  setDefault(limited, "lendablePercent", 0);
  const queuing = objectAt(objectAt(limited, "limitResponse"), "queuing");
  setDefaultIfZero(queuing, "handSize", 8);
  setDefaultIfZero(queuing, "queues", 64);
  setDefaultIfZero(queuing, "queueLengthLimit", 50);
}
