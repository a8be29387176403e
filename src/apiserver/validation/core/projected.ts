// validateProjectedVolumeSource and validateProjectionSources: a projected
// volume's sources, one projection each, and no two files at the same path.
// clusterTrustBundle and podCertificate projections are dropped by the API
// server before validation while their gates are off (as in every release 1.30-1.36).
import { invalid, forbidden, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { int, list, obj, str } from "./fields.js";
import { validateLocalNonReservedPath } from "./paths.js";
import type { PodValidationOptions } from "./pod-options.js";
import { validateDownwardAPIVolumeFile, validateFileMode, validateKeyToPath } from "./volumes.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** 2^32 seconds: the longest token lifetime. */
const MAX_TOKEN_EXPIRATION_SECONDS = 2 ** 32;

export function validateProjectedVolumeSource(projected: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  return [...validateFileMode(int(projected, "defaultMode"), fldPath.child("defaultMode")), ...validateProjectionSources(projected, fldPath, opts)];
}

function validateProjectionSources(projected: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  const allPaths = new Set<string>();
  /** A file path seen twice is reported at the projected volume, with `badValue`. */
  const notePath = (path: string, badValue: string) => {
    if (path === "") return;
    if (allPaths.has(path)) errors.push(invalid(fldPath, badValue, "conflicting duplicate paths"));
    else allPaths.add(path);
  };
  list(projected, "sources").forEach((source, index) => {
    let numSources = 0;
    const srcPath = fldPath.child("sources").index(index);
    for (const kind of ["secret", "configMap"]) {
      const projection = obj(source, kind);
      if (!projection) continue;
      numSources++;
      const projPath = srcPath.child(kind);
      if (str(projection, "name") === "") errors.push(required(projPath.child("name")));
      list(projection, "items").forEach((item, itemIndex) => {
        appendAll(errors, validateKeyToPath(item, projPath.child("items").index(itemIndex)));
        notePath(str(item, "path"), str(projection, "name"));
      });
    }
    const downwardAPI = obj(source, "downwardAPI");
    if (downwardAPI) {
      numSources++;
      for (const file of list(downwardAPI, "items")) {
        appendAll(errors, validateDownwardAPIVolumeFile(file, srcPath.child("downwardAPI")));
        notePath(str(file, "path"), str(file, "path"));
      }
    }
    const token = obj(source, "serviceAccountToken");
    if (token) {
      numSources++;
      const projPath = srcPath.child("serviceAccountToken");
      const expirationSeconds = int(token, "expirationSeconds") ?? 0;
      if (expirationSeconds < 10 * 60) errors.push(invalid(projPath.child("expirationSeconds"), expirationSeconds, "may not specify a duration less than 10 minutes"));
      if (expirationSeconds > MAX_TOKEN_EXPIRATION_SECONDS) {
        errors.push(invalid(projPath.child("expirationSeconds"), expirationSeconds, "may not specify a duration larger than 2^32 seconds"));
      }
      // Upstream reports the token's path at the projected volume's `path`.
      const path = str(token, "path");
      if (path === "") errors.push(required(fldPath.child("path")));
      else if (!opts.allowNonLocalProjectedTokenPath) appendAll(errors, validateLocalNonReservedPath(path, fldPath.child("path")));
    }
    if (numSources > 1) errors.push(forbidden(srcPath, "may not specify more than 1 volume type per source"));
  });
  return errors;
}
