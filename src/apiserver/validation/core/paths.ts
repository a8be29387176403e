// Relative paths inside a volume or a profile directory (validateLocalDescendingPath,
// validatePathNoBacksteps): no absolute path, no `..` step.
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";

/** validatePathNoBacksteps: one error however many `..` steps there are. */
export function validatePathNoBacksteps(targetPath: string, fldPath: FieldPath): ErrorList {
  // filepath.ToSlash is a no-op on Linux: only `/` separates.
  return targetPath.split("/").includes("..") ? [invalid(fldPath, targetPath, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath. */
export function validateLocalDescendingPath(targetPath: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = targetPath.startsWith("/") ? [invalid(fldPath, targetPath, "must be a relative path")] : [];
  return [...errors, ...validatePathNoBacksteps(targetPath, fldPath)];
}

/** ValidateLocalNonReservedPath: a local descending path that does not start with `..` either. */
export function validateLocalNonReservedPath(targetPath: string, fldPath: FieldPath): ErrorList {
  const errors = validateLocalDescendingPath(targetPath, fldPath);
  // The `..` element check already reported `../x`.
  if (targetPath.startsWith("..") && !targetPath.startsWith("../")) errors.push(invalid(fldPath, targetPath, "must not start with '..'"));
  return errors;
}
