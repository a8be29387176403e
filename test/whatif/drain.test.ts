// `kubectl cordon`, `uncordon` and `drain` against a snapshot: kubectl's
// lines (pkg/drain's filters and messages, the eviction API's refusals),
// each pod's verdict, and where the controllers' replacements land.
import { describe, expect, it } from "vitest";
import { loadClusterSnapshot } from "../../src/cluster/snapshot.js";
import { runCommands, whatIf } from "../../src/whatif/index.js";
import { UsageError } from "../../src/validate/index.js";

const FIXTURE = new URL("fixtures/drain.yaml", import.meta.url).pathname;
const { snapshot } = loadClusterSnapshot([FIXTURE]);
const NOW = new Date("2025-06-01T00:00:00Z");
const ALL = "--ignore-daemonsets --delete-emptydir-data --force";

function run(line: string) {
  const { cluster, commands } = runCommands(snapshot, line.split(" -- ").map((c) => c.split(" ")), { now: NOW });
  const last = commands.at(-1)!;
  return {
    lines: [...last.output, ...(last.error !== undefined ? last.error.split("\n") : [])],
    notes: last.notes,
    verdicts: (last.evictions ?? []).map((e) => `${e.name} ${e.verdict}${e.round ? ` ${e.round}` : ""}${e.disruptionBudget ? ` pdb=${e.disruptionBudget}` : ""}`),
    failed: last.error !== undefined,
    unschedulable: (name: string) => cluster.get("", "Node", "", name)?.spec?.unschedulable === true,
    deleted: cluster.deleted().map(({ object, why }) => `${object.metadata?.name}: ${why.reason}`),
  };
}

describe("kubectl cordon and uncordon", () => {
  it.each([
    ["cordon node-c", ["node/node-c cordoned"], true],
    ["cordon node-c -- cordon node-c", ["node/node-c already cordoned"], true],
    ["cordon node-c -- uncordon node-c", ["node/node-c uncordoned"], false],
    ["uncordon node-c", ["node/node-c already uncordoned"], false],
    ["cordon node-c --dry-run=client", ["node/node-c cordoned (dry run)"], false],
    ["cordon node-c --dry-run=server", ["node/node-c cordoned (server dry run)"], false],
    ["cordon -l kubernetes.io/hostname=node-c", ["node/node-c cordoned"], true],
    ["cordon node-x", ['Error from server (NotFound): nodes "node-x" not found'], false],
  ])("kubectl %s", (command, lines, cordoned) => {
    const result = run(command);
    expect(result.lines).toEqual(lines);
    expect(result.unschedulable("node-c")).toBe(cordoned);
  });

  it.each([
    ["cordon", "USAGE: cordon NODE [flags]"],
    ["uncordon", "USAGE: uncordon NODE [flags]"],
    ["cordon node-c -l a=b", "error: cannot specify both a node name and a --selector option"],
    ["drain", "USAGE: drain NODE [flags]"],
    ["drain node-a --timeout=soon", 'invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"'],
    ["drain node-a --chunk-size=many", 'invalid argument "many" for "--chunk-size" flag'],
  ])("refuses kubectl %s", (command, message) => {
    expect(() => run(command)).toThrow(UsageError);
    expect(() => run(command)).toThrow(message);
  });
});

describe("kubectl drain", () => {
  it.each([
    [
      "drain node-a",
      [
        "node/node-a cordoned",
        'error: unable to drain node "node-a" due to error: [cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/agent-x1, cannot delete Pods with local storage (use --delete-emptydir-data to override): shop/cache-6f7-aaaaa, cannot delete Pods that declare no controller (use --force to override): shop/debug], continuing command...',
        "There are pending nodes to be drained:",
        " node-a",
        "error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/agent-x1",
        "cannot delete Pods with local storage (use --delete-emptydir-data to override): shop/cache-6f7-aaaaa",
        "cannot delete Pods that declare no controller (use --force to override): shop/debug",
      ],
    ],
    [
      "drain node-c",
      [
        "node/node-c cordoned",
        'error: unable to drain node "node-c" due to error: cannot delete Pods that declare no controller (use --force to override): shop/lone, continuing command...',
        "There are pending nodes to be drained:",
        " node-c",
        "error: cannot delete Pods that declare no controller (use --force to override): shop/lone",
      ],
    ],
    [
      // web's budget allows one disruption: bbbbb goes once aaaaa's replacement counts;
      // cache's emptyDir warning is dropped by the filter after it, as kubectl does.
      `drain node-a ${ALL}`,
      [
        "node/node-a cordoned",
        "Warning: ignoring DaemonSet-managed Pods: kube-system/agent-x1; deleting Pods that declare no controller: shop/debug",
        "evicting pod shop/cache-6f7-aaaaa",
        "evicting pod shop/debug",
        "evicting pod shop/web-5d9c7-aaaaa",
        "evicting pod shop/web-5d9c7-bbbbb",
        `error when evicting pods/"web-5d9c7-bbbbb" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
        "pod/cache-6f7-aaaaa evicted",
        "pod/debug evicted",
        "pod/web-5d9c7-aaaaa evicted",
        "evicting pod shop/web-5d9c7-bbbbb",
        "pod/web-5d9c7-bbbbb evicted",
        "node/node-a drained",
      ],
    ],
    [
      `drain node-a ${ALL} --dry-run=client`,
      [
        "node/node-a cordoned (dry run)",
        "Warning: ignoring DaemonSet-managed Pods: kube-system/agent-x1; deleting Pods that declare no controller: shop/debug",
        "evicting pod shop/cache-6f7-aaaaa (dry run)",
        "evicting pod shop/debug (dry run)",
        "evicting pod shop/web-5d9c7-aaaaa (dry run)",
        "evicting pod shop/web-5d9c7-bbbbb (dry run)",
        "node/node-a drained (dry run)",
      ],
    ],
    [
      `drain node-a ${ALL} --pod-selector=app=web --disable-eviction`,
      ["node/node-a cordoned", "pod/web-5d9c7-aaaaa deleted", "pod/web-5d9c7-bbbbb deleted", "node/node-a drained"],
    ],
    [
      // db's budget allows no disruption: kubectl retries until the timeout.
      "drain node-b --timeout=90s",
      [
        "node/node-b cordoned",
        "evicting pod shop/db-0",
        "evicting pod shop/web-5d9c7-ccccc",
        `error when evicting pods/"db-0" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
        "pod/web-5d9c7-ccccc evicted",
        "evicting pod shop/db-0",
        `error when evicting pods/"db-0" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
        `There are pending pods in node "node-b" when an error occurred: error when evicting pods/"db-0" -n "shop": global timeout reached: 1m30s`,
        "pod/db-0",
        `error: unable to drain node "node-b" due to error: error when evicting pods/"db-0" -n "shop": global timeout reached: 1m30s, continuing command...`,
        "There are pending nodes to be drained:",
        " node-b",
        `error: error when evicting pods/"db-0" -n "shop": global timeout reached: 1m30s`,
      ],
    ],
  ])("kubectl %s", (command, lines) => {
    expect(run(command).lines).toEqual(lines);
  });

  it.each([
    [`drain node-a ${ALL}`, ["agent-x1 ignored", "cache-6f7-aaaaa evicted 1", "debug evicted 1", "web-5d9c7-aaaaa evicted 1 pdb=web", "web-5d9c7-bbbbb evicted 2 pdb=web"], false],
    ["drain node-a", ["agent-x1 blocked", "cache-6f7-aaaaa blocked", "debug blocked"], true],
    ["drain node-b", ["db-0 refused 2 pdb=db", "web-5d9c7-ccccc evicted 1 pdb=web"], true],
    ["drain node-b --disable-eviction", ["db-0 deleted", "web-5d9c7-ccccc deleted"], false],
  ])("verdicts of kubectl %s", (command, verdicts, failed) => {
    const result = run(command);
    expect(result.verdicts).toEqual(verdicts);
    expect(result.failed).toBe(failed);
  });

  it("says a drain held by a budget never finishes without --timeout, and why the API refuses", () => {
    const result = run("drain node-b");
    expect(result.lines.at(-1)).toBe("kubectl drain node-b would not finish: it retries the refused evictions every 5s, and --timeout=0s waits forever");
    expect(result.notes).toEqual(["shop/db-0: The disruption budget db needs 1 healthy pods and has 1 currently"]);
    expect(result.deleted).toEqual(["web-5d9c7-ccccc: evicted by kubectl drain node-b"]);
    expect(result.unschedulable("node-b")).toBe(true);
  });

  it("says which emptyDir data is lost, and changes nothing on a dry run", () => {
    expect(run(`drain node-a ${ALL}`).notes).toEqual(["shop/cache-6f7-aaaaa: the data of its emptyDir volume(s) scratch is lost"]);
    const dry = run(`drain node-a ${ALL} --dry-run=server`);
    expect(dry.deleted).toEqual([]);
    expect(dry.unschedulable("node-a")).toBe(false);
    expect(dry.lines).toContain("node/node-a drained (server dry run)");
    expect(dry.notes).toEqual([]);
  });

  it("plans the replacements of evicted pods on the nodes left, and the unmanaged pod as gone", async () => {
    const plan = await whatIf([["drain", "node-a", ...ALL.split(" ")]], { clusterPaths: [FIXTURE], now: NOW });
    const placed = plan.result.pods.map((p) => `${p.owner} ${p.node}`).sort();
    expect(placed).toEqual(["Deployment/cache node-c", "Deployment/web node-b", "Deployment/web node-c"]);
    const destroyed = plan.result.changes.filter((c) => c.action === "delete").map((c) => c.name).sort();
    expect(destroyed).toEqual(["cache-6f7-aaaaa", "debug", "web-5d9c7-aaaaa", "web-5d9c7-bbbbb"]);
    expect(plan.result.changes.find((c) => c.kind === "Node")?.action).toBe("update");
    expect(plan.completed).toBe(true);
  });
});
