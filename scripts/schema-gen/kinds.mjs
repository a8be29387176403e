// The kinds a release serves, read from the spec's `paths`: an operation names
// the group/version/kind it acts on, and a path under
// `/namespaces/{namespace}/` means the kind is namespaced.

function apiVersionOf(gvk) {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

/**
 * @returns {Map<string, Map<string, {definition: string, namespaced: boolean}>>} apiVersion → kind → entry
 */
export function servedKinds(spec) {
  const definitionOf = new Map();
  for (const [name, definition] of Object.entries(spec.definitions)) {
    const gvks = definition["x-kubernetes-group-version-kind"] ?? [];
    // DeleteOptions and WatchEvent list every group; they are not kinds one applies.
    if (gvks.length !== 1) continue;
    definitionOf.set(`${apiVersionOf(gvks[0])} ${gvks[0].kind}`, name);
  }
  const scopes = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const gvk = method === "parameters" ? undefined : operation["x-kubernetes-group-version-kind"];
      if (!gvk) continue;
      const key = `${apiVersionOf(gvk)} ${gvk.kind}`;
      // Connect options (PodExecOptions...) have no definition: they are not objects one writes.
      if (!definitionOf.has(key)) continue;
      scopes.set(key, (scopes.get(key) ?? false) || path.includes("/namespaces/{namespace}/"));
    }
  }
  const out = new Map();
  for (const key of [...scopes.keys()].sort()) {
    const [apiVersion, kind] = key.split(" ");
    if (!out.has(apiVersion)) out.set(apiVersion, new Map());
    out.get(apiVersion).set(kind, { definition: definitionOf.get(key), namespaced: scopes.get(key) });
  }
  return out;
}
