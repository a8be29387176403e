// The library API.
export type * from "./types.js";
