// The objects `-f FILE|DIR` names, as kubectl's resource builder reads them
// (FilenameParam; a directory's .json, .yaml and .yml files, without -R not
// those below it): each document's kind mapped to a served type, its
// namespace, or the command's; a namespace that differs from an explicit -n
// is refused. Only the identities are read: the objects are looked up in the
// cluster.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { groupOf } from "../../inventory.js";
import { loadInputs } from "../../load/index.js";
import { nameOf, stringOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";
import type { CommandContext } from "./command.js";
import type { ResourceType } from "./resources.js";

export interface FileObject {
  /** The path as given, for kubectl's `error when deleting "pod.yaml"`. */
  source: string;
  name: string;
  namespace: string;
  type: ResourceType;
}

/** Each document in order: the object it names, or kubectl's error for a kind nothing serves (reported after the rest). */
export type FileArgument = { object: FileObject } | { error: string };

const MANIFEST_EXTENSION = /\.(json|ya?ml)$/;

/** The files a path names: itself, or a directory's manifests (not its subdirectories'). */
function manifestFiles(path: string): string[] {
  if (path === "-") throw new UsageError("-f - (stdin) is not supported by what-if: give a file");
  if (!existsSync(path)) throw new UsageError(`the path "${path}" does not exist`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => MANIFEST_EXTENSION.test(name))
    .sort()
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile());
}

export function filenameArguments(ctx: CommandContext, paths: readonly string[]): FileArgument[] {
  const result: FileArgument[] = [];
  for (const path of paths.flatMap(manifestFiles)) {
    const loaded = loadInputs([path]);
    const unreadable = loaded.findings.find((f) => f.severity === "error");
    if (unreadable) throw new UsageError(unreadable.message);
    for (const { object } of loaded.documents) {
      const apiVersion = stringOf(object.apiVersion) ?? "";
      const kind = stringOf(object.kind) ?? "";
      const name = nameOf(object);
      const given = stringOf(object.metadata?.namespace) ?? "";
      const type = ctx.types.ofKind(kind, groupOf(apiVersion));
      if (!type) {
        result.push({ error: `resource mapping not found for name: "${name}" namespace: "${given}" from "${path}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first` });
        continue;
      }
      if (type.namespaced && ctx.enforceNamespace && given !== "" && given !== ctx.namespace) {
        throw new UsageError(`the namespace from the provided object "${given}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${given}' to perform this operation.`);
      }
      result.push({ object: { source: path, name, namespace: type.namespaced ? given || ctx.namespace : "", type } });
    }
  }
  return result;
}
