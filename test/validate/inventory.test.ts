import { describe, expect, it } from "vitest";
import { Inventory } from "../../src/inventory.js";
import type { KubeObject } from "../../src/types.js";

function object(kind: string, name: string, namespace?: string, apiVersion = "v1"): KubeObject {
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } };
}

const names = (entries: readonly { object: KubeObject }[]) => entries.map((e) => `${e.object.metadata?.namespace ?? ""}/${e.object.metadata?.name}`);

describe("inventory lookups", () => {
  // Each lookup is asked before and after more objects are added: a kind's indexes, made on its first lookup, follow later additions.
  const cases: [string, (inventory: Inventory) => string[], string[], string[]][] = [
    ["find by name", (i) => names(i.find("ConfigMap", "team", "cfg")), ["team/cfg"], ["team/cfg", "team/cfg"]],
    ["find in the default namespace", (i) => names(i.find("ConfigMap", "default", "plain")), ["/plain"], ["/plain"]],
    ["find of a kind never added", (i) => names(i.find("Secret", "team", "cfg")), [], []],
    ["find by group", (i) => names(i.find("Deployment", "team", "web", "apps")), [], ["team/web"]],
    ["in a namespace", (i) => names(i.inNamespace("ConfigMap", "team")), ["team/cfg", "team/other"], ["team/cfg", "team/other", "team/cfg", "team/late"]],
    ["a cluster-scoped kind in any namespace", (i) => names(i.inNamespace("Namespace", "team")), ["/team"], ["/team"]],
    ["the same identity", (i) => names(i.sameIdentity(object("ConfigMap", "cfg", "team"))), ["team/cfg"], ["team/cfg", "team/cfg"]],
    ["of a kind", (i) => names(i.ofKind("ConfigMap")), ["team/cfg", "team/other", "/plain"], ["team/cfg", "team/other", "/plain", "team/cfg", "team/late"]],
  ];
  it.each(cases)("%s", (_name, lookup, before, after) => {
    const inventory = new Inventory();
    for (const o of [object("ConfigMap", "cfg", "team"), object("ConfigMap", "other", "team"), object("ConfigMap", "plain"), object("Namespace", "team")]) {
      inventory.add({ object: o, source: "input" });
    }
    expect(lookup(inventory)).toEqual(before);
    for (const o of [object("ConfigMap", "cfg", "team"), object("ConfigMap", "late", "team"), object("Deployment", "web", "team", "apps/v1")]) {
      inventory.add({ object: o, source: "cluster" });
    }
    expect(lookup(inventory)).toEqual(after);
  });

  it("a kind a CRD makes cluster-scoped is looked up without its namespace, before and after its first lookup", () => {
    const inventory = new Inventory();
    inventory.add({ object: object("Widget", "w", "team", "example.com/v1"), source: "input" });
    expect(names(inventory.find("Widget", "team", "w"))).toEqual(["team/w"]);
    inventory.markClusterScoped("Widget");
    expect(names(inventory.find("Widget", "team", "w"))).toEqual(["team/w"]);
    expect(names(inventory.find("Widget", "elsewhere", "w"))).toEqual(["team/w"]);
    expect(names(inventory.inNamespace("Widget", "elsewhere"))).toEqual(["team/w"]);
  });
});
