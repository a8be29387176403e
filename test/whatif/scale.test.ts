// `kubectl scale` against a snapshot: what kubectl prints, kubectl's errors,
// and for a scale-down the pods the controller deletes first and what that
// leaves of the budget and the topology spread.
import { describe, expect, it } from "vitest";
import { loadClusterSnapshot } from "../../src/cluster/snapshot.js";
import { runCommands } from "../../src/whatif/index.js";
import { UsageError } from "../../src/validate/index.js";

const { snapshot } = loadClusterSnapshot([new URL("fixtures/zones.yaml", import.meta.url).pathname]);
const NOW = new Date("2025-06-01T00:00:00Z");

function run(command: string): { lines: string[]; notes: string[]; replicas: unknown } {
  const { cluster, commands } = runCommands(snapshot, [command.split(" ")], { now: NOW });
  const report = commands[0]!;
  return { lines: report.error !== undefined ? [report.error] : report.output, notes: report.notes, replicas: cluster.get("apps", "Deployment", "shop", "web")?.spec?.replicas };
}

describe("kubectl scale", () => {
  it.each([
    ["scale deployment web --replicas=6 -n shop", ["deployment.apps/web scaled"], 6],
    ["scale deploy/web --replicas=4 --current-replicas=4 -n shop", ["deployment.apps/web scaled"], 4],
    ["scale deployments.apps web --replicas=0 -n shop", ["deployment.apps/web scaled"], 0],
    ["scale replicaset -l app=web --replicas=5 -n shop", ["replicaset.apps/web-5d9c7 scaled"], 4],
    ["scale deployment --all --replicas=5 -n shop", ["deployment.apps/web scaled"], 5],
    ["scale deployment web --replicas=1 -n shop --dry-run=client", ["deployment.apps/web scaled (dry run)"], 4],
    ["scale deployment web --replicas=1 -n shop --dry-run=server", ["deployment.apps/web scaled (server dry run)"], 4],
    ["scale deployment web --replicas=5 --current-replicas=3 -n shop", ["error: Expected replicas to be 3, was 4"], 4],
    ["scale deployment web --replicas=5", ['Error from server (NotFound): deployments.apps "web" not found'], 4],
    ["scale deployment -l app=none --replicas=5 -n shop", ["error: no objects passed to scale"], 4],
    ["scale pod web-5d9c7-aaaaa --replicas=5 -n shop", ["Error from server (NotFound): the server could not find the requested resource"], 4],
  ])("kubectl %s", (command, lines, replicas) => {
    const result = run(command);
    expect(result.lines).toEqual(lines);
    expect(result.replicas).toBe(replicas);
  });

  it.each([
    ["scale deployment web -n shop", 'required flag(s) "replicas" not set'],
    ["scale deployment web --replicas=-1 -n shop", "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0"],
    ["scale deployment web --replicas=1 --current-replicas=-2 -n shop", "The --current-replicas must specify an integer of -1 or greater"],
    ["scale deployment --replicas=1 -n shop", "resource(s) were provided, but no name was specified"],
    ["scale deployment web --replicas=1 --resource-version=7 -n shop", "--resource-version is not supported by what-if"],
  ])("refuses kubectl %s", (command, message) => {
    expect(() => run(command)).toThrow(UsageError);
    expect(() => run(command)).toThrow(message);
  });

  it("says which pods a scale-down deletes first, and what it leaves of the budget and the spread", () => {
    expect(run("scale deployment web --replicas=2 -n shop").notes).toEqual([
      // node-a's pods are the newest: they go first, which empties zone-a
      "Deployment web: deletes web-5d9c7-aaaaa (node-a), web-5d9c7-bbbbb (node-a), in its controller's order",
      "Deployment web: PodDisruptionBudget web: 2 healthy pod(s) left, 3 needed: evictions of its pods are refused (a scale-down is no eviction: the budget does not stop it)",
      "Deployment web: topology spread over topology.kubernetes.io/zone after the scale-down: zone-a 0, zone-b 2 (skew 2 exceeds maxSkew 1: the controller deletes without regard to spread, and nothing rebalances)",
    ]);
    expect(run("scale deployment web --replicas=3 -n shop").notes).toEqual([
      "Deployment web: deletes web-5d9c7-aaaaa (node-a), in its controller's order",
      "Deployment web: PodDisruptionBudget web: 3 healthy pod(s) left, 3 needed: evictions of its pods are refused (a scale-down is no eviction: the budget does not stop it)",
      "Deployment web: topology spread over topology.kubernetes.io/zone after the scale-down: zone-a 1, zone-b 2 (skew 1, within maxSkew 1)",
    ]);
    expect(run("scale deployment web --replicas=6 -n shop").notes).toEqual([]);
  });
});
