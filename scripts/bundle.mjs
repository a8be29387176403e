// `npm run compile`'s second step: bundles dist/ into dist/bundle/ (see bin/bundle.js).
import { join } from "node:path";
import { bundle } from "../bin/bundle.js";

await bundle(join(import.meta.dirname, "..", "dist"));
