// The library API: the same result objects the JSON output prints.
export type * from "./types.js";
export { validate, runValidation, UsageError, type ValidateInput, type ValidateOptions, type ValidationRun } from "./validate/index.js";
export { plan, type PlanOptions, type PlanRun } from "./plan/index.js";
export type * from "./plan/types.js";
export { ruleCatalog } from "./validate/catalog.js";
export { loadInputs, loadText } from "./load/index.js";
