// warningsForOverlappingVirtualPaths (pkg/api/pod/warnings.go, from 1.32): the
// files of one configMap, secret, downwardAPI or projected volume whose paths
// collide (the same path, or one inside the other as a directory): the kubelet
// writes one over the other, or fails to. Each path is held against every path
// before it in the volume, and each collision is one warning.
import type { FieldWarning } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import { isSet, list, obj, str } from "./fields.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** The fields of a VolumeProjection: a source with none of them set is empty. */
const PROJECTION_SOURCES = ["secret", "downwardAPI", "configMap", "serviceAccountToken", "clusterTrustBundle", "podCertificate"];

/**
 * Colliding paths grow with the square of the paths: the API server sends at
 * most 4 KiB of warnings, about a hundred of these, and no more are worked out.
 */
const MAX_WARNINGS = 100;

interface PathAndSource {
  path: string;
  /** How upstream names the path's source in a projected volume (`ConfigMap "name"`, `ServiceAccountToken`). */
  source: string;
}

/** The paths seen so far in one volume, found by path and by each directory above a path. */
class SeenPaths {
  private readonly entries: PathAndSource[] = [];
  private readonly byPath = new Map<string, number[]>();
  private readonly byDirectory = new Map<string, number[]>();

  /** The earlier entries `path` collides with, in the order they came. */
  collisions(path: string): PathAndSource[] {
    const found = [...(this.byPath.get(path) ?? []), ...(this.byDirectory.get(path) ?? [])];
    for (const directory of directoriesOf(path)) appendAll(found, this.byPath.get(directory) ?? []);
    return found.sort((a, b) => a - b).map((index) => this.entries[index]!);
  }

  add(entry: PathAndSource): void {
    const index = this.entries.push(entry) - 1;
    push(this.byPath, entry.path, index);
    for (const directory of directoriesOf(entry.path)) push(this.byDirectory, directory, index);
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const indexes = map.get(key);
  if (indexes) indexes.push(index);
  else map.set(key, [index]);
}

/** `a/b/c` is inside `a` and `a/b`. */
function directoriesOf(path: string): string[] {
  const directories: string[] = [];
  for (let at = path.indexOf("/"); at > 0; at = path.indexOf("/", at + 1)) directories.push(path.slice(0, at));
  return directories;
}

/** A path as compared: trailing slashes dropped; an empty path collides with nothing. */
function normalized(path: string): string {
  return path.replace(/\/+$/, "");
}

function itemPaths(source: JsonRecord | undefined): string[] {
  return list(source, "items").map((item) => normalized(str(item, "path")));
}

/** Collisions among the files of a configMap, secret or downwardAPI volume. */
function overlapsInVolume(paths: string[], prefix: string, at: FieldPath): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const seen = new SeenPaths();
  for (const path of paths) {
    if (warnings.length >= MAX_WARNINGS) break;
    if (path === "") continue;
    for (const other of seen.collisions(path)) warnings.push({ message: `${prefix}: overlapping paths: ${goQuote(path)} with ${goQuote(other.path)}`, at });
    seen.add({ path, source: "" });
  }
  return warnings;
}

/** A projected source's files, each with how upstream names the source (none for a source without named paths). */
function projectedPaths(source: JsonRecord): PathAndSource[] {
  const configMap = obj(source, "configMap");
  if (configMap) return itemPaths(configMap).map((path) => ({ path, source: `ConfigMap ${goQuote(str(configMap, "name"))}` }));
  const secret = obj(source, "secret");
  if (secret) return itemPaths(secret).map((path) => ({ path, source: `Secret ${goQuote(str(secret, "name"))}` }));
  const downwardAPI = obj(source, "downwardAPI");
  if (downwardAPI) return itemPaths(downwardAPI).map((path) => ({ path, source: "DownwardAPI" }));
  const token = obj(source, "serviceAccountToken");
  if (token) return [{ path: normalized(str(token, "path")), source: "ServiceAccountToken" }];
  const bundle = obj(source, "clusterTrustBundle");
  if (bundle) {
    const name = isSet(bundle, "name") ? str(bundle, "name") : str(bundle, "signerName");
    return [{ path: normalized(str(bundle, "path")), source: `ClusterTrustBundle ${goQuote(name)}` }];
  }
  return [];
}

/** Empty sources, then collisions among the files of all the sources of a projected volume. */
function overlapsInProjected(volumeName: string, sources: JsonRecord[], at: FieldPath): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const seen = new SeenPaths();
  for (const source of sources) {
    if (warnings.length >= MAX_WARNINGS) break;
    if (!PROJECTION_SOURCES.some((field) => isSet(source, field))) {
      warnings.push({ message: `volume ${goQuote(volumeName)} (Projected) has no sources provided`, at });
      continue;
    }
    for (const entry of projectedPaths(source)) {
      if (entry.path === "") continue;
      for (const other of seen.collisions(entry.path)) {
        const message = `volume ${goQuote(volumeName)} (Projected): overlapping paths: ${goQuote(entry.path)} (${entry.source}) with ${goQuote(other.path)} (${other.source})`;
        warnings.push({ message, at });
      }
      seen.add(entry);
    }
  }
  return warnings;
}

/** warningsForOverlappingVirtualPaths: `volumesPath` is the pod spec's `volumes`. */
export function warningsForOverlappingVirtualPaths(volumes: JsonRecord[], volumesPath: FieldPath): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  volumes.forEach((volume, index) => {
    if (warnings.length >= MAX_WARNINGS) return;
    const at = volumesPath.index(index);
    const name = goQuote(str(volume, "name"));
    const configMap = obj(volume, "configMap");
    if (configMap) appendAll(warnings, overlapsInVolume(itemPaths(configMap), `volume ${name} (ConfigMap ${goQuote(str(configMap, "name"))})`, at));
    const secret = obj(volume, "secret");
    if (secret) appendAll(warnings, overlapsInVolume(itemPaths(secret), `volume ${name} (Secret ${goQuote(str(secret, "secretName"))})`, at));
    const downwardAPI = obj(volume, "downwardAPI");
    if (downwardAPI) appendAll(warnings, overlapsInVolume(itemPaths(downwardAPI), `volume ${name} (DownwardAPI)`, at));
    const projected = obj(volume, "projected");
    if (projected) appendAll(warnings, overlapsInProjected(str(volume, "name"), list(projected, "sources"), at));
  });
  return warnings;
}
