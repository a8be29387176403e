// What the API server does with a create request of one kind, after decoding and
// defaulting: the registry strategy of pkg/registry/<group>/<resource>/strategy.go.
import type { ErrorList, FieldWarning } from "../field/errors.js";
import type { JsonRecord } from "../../util/object-access.js";

export interface ValidationContext {
  /** Target release ("1.36"): checks and wording that changed follow it. */
  kubernetesVersion: string;
  /** The API version the object was sent as ("apps/v1"): some checks differ by version. */
  apiVersion: string;
}

export interface Strategy {
  /** NamespaceScoped: whether objects of the kind live in a namespace. */
  namespaceScoped: boolean;
  /**
   * BeginCreate: what the kind's storage does before the generic create path
   * (a Service's IPs and node ports); errors stop the create there.
   */
  beginCreate?(object: JsonRecord, context: ValidationContext): ErrorList;
  /** PrepareForCreate: the strategy's own changes to the object before validation. */
  prepareForCreate?(object: JsonRecord, context: ValidationContext): void;
  /** Validate: the create validation (pkg/apis/<group>/validation), ObjectMeta included. */
  validate(object: JsonRecord, context: ValidationContext): ErrorList;
  /** WarningsOnCreate: what the server accepts but warns about. */
  warningsOnCreate?(object: JsonRecord, context: ValidationContext): FieldWarning[];
}

/** The strategies of one API group, by kind. */
export type GroupStrategies = Readonly<Record<string, Strategy>>;
