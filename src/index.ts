// The library API: the same result objects the JSON output prints.
export type * from "./types.js";
export { validate, UsageError, type ValidateInput, type ValidateOptions } from "./validate/index.js";
export { ruleCatalog } from "./validate/catalog.js";
export { loadInputs, loadText } from "./load/index.js";
