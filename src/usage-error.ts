// The one error the library throws: a bad option, or an argument of the
// wrong type. Bad manifests never throw; they are findings.
export class UsageError extends Error {
  override name = "UsageError";
}
