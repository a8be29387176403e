// `kubectl delete` against a snapshot: kubectl 1.35's lines and errors, then
// what the controllers do after it: the garbage collector's cascade
// (background, foreground, orphan; several owners), a Namespace's content
// and finalizers, StatefulSet claims by retention policy, volumes by reclaim
// policy, controllers putting back what they own, Services left without pods.
import { describe, expect, it } from "vitest";
import { loadClusterSnapshot } from "../../src/cluster/snapshot.js";
import { runCommands, whatIf } from "../../src/whatif/index.js";
import { UsageError } from "../../src/validate/index.js";

const FIXTURE = new URL("fixtures/delete.yaml", import.meta.url).pathname;
const { snapshot } = loadClusterSnapshot([FIXTURE]);
const NOW = new Date("2025-06-01T00:00:00Z");

function run(line: string) {
  const { cluster, commands } = runCommands(snapshot, line.split(" -- ").map((c) => c.split(" ")), { now: NOW });
  const last = commands.at(-1)!;
  return {
    lines: [...last.output, ...(last.error !== undefined ? last.error.split("\n") : [])],
    notes: last.notes,
    failed: last.error !== undefined,
    deleted: cluster.deleted().map(({ object, why }) => `${object.kind} ${object.metadata?.name}: ${why.reason}`),
    updated: cluster.updated().map(({ object }) => `${object.kind} ${object.metadata?.name}`),
    ownerNames: (kind: string, name: string) =>
      ((cluster.get(kind === "ReplicaSet" ? "apps" : "", kind, "app", name)?.metadata?.ownerReferences ?? []) as Array<{ name: string }>).map((r) => r.name),
  };
}

describe("kubectl delete: what kubectl prints", () => {
  it.each([
    ["delete deployment web -n app", ['deployment.apps "web" deleted from app namespace']],
    ["delete deploy/web svc/web -n app", ['deployment.apps "web" deleted from app namespace', 'service "web" deleted from app namespace']],
    ["delete pods,services solo -n app", ['pod "solo" deleted from app namespace', 'service "solo" deleted from app namespace']],
    ["delete pod nope -n app", ['Error from server (NotFound): pods "nope" not found']],
    // kubectl goes on after a missing object, and reports the errors last.
    ["delete pods nope solo -n app", ['pod "solo" deleted from app namespace', 'Error from server (NotFound): pods "nope" not found']],
    ["delete deployment web", ['Error from server (NotFound): deployments.apps "web" not found']],
    ["delete pod nope -n app --ignore-not-found", []],
    ["delete pod nope -n app --dry-run=client", ['pod "nope" deleted from app namespace (dry run)']],
    ["delete pod nope -n app --dry-run=server", ['Error from server (NotFound): pods "nope" not found']],
    ["delete pod solo -n app --dry-run=server", ['pod "solo" deleted from app namespace (server dry run)']],
    ["delete pods -l app=none -n app", ["No resources found"]],
    ["delete pods -l app=solo -n app", ['pod "solo" deleted from app namespace']],
    ["delete pods -A -l app=solo", ['pod "solo" deleted from app namespace']],
    ["delete daemonsets --all -n app", ['daemonset.apps "agent" deleted from app namespace']],
    ["delete pod solo -n app -o name", ["pod/solo"]],
    ["delete widget w1 -n app", ['widget.example.com "w1" deleted from app namespace']],
    [
      "delete pod solo -n app --force",
      ["Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.", 'pod "solo" force deleted from app namespace'],
    ],
    // --grace-period=0 without --force is taken as 1.
    ["delete pod solo -n app --grace-period=0", ['pod "solo" deleted from app namespace']],
    ["delete pod solo -n app --now --wait=false --timeout=30s", ['pod "solo" deleted from app namespace']],
    ["delete pod solo -n app --cascade=false", ["warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.", 'pod "solo" deleted from app namespace']],
    ["delete pod solo -n app --cascade=true", ["warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.", 'pod "solo" deleted from app namespace']],
    ["delete ns other", ['namespace "other" deleted']],
    ["delete ns/other pod/solo -n app", ["Warning: deleting cluster-scoped resources, not scoped to the provided namespace", 'namespace "other" deleted', 'pod "solo" deleted from app namespace']],
  ])("kubectl %s", (command, lines) => {
    expect(run(command).lines).toEqual(lines);
  });

  it("deletes nothing on a dry run, and fails the command on a missing object", () => {
    expect(run("delete deployment web -n app --dry-run=client").deleted).toEqual([]);
    expect(run("delete deployment web -n app --dry-run=server").deleted).toEqual([]);
    const partial = run("delete pods nope solo -n app");
    expect(partial.failed).toBe(true);
    expect(partial.deleted).toEqual(["Pod solo: deleted by kubectl delete --cascade=background"]);
  });

  it.each([
    ["delete", "You must provide one or more resources by argument or filename."],
    ["delete pods -n app", "resource(s) were provided, but no name was specified"],
    ["delete pod solo -l app=solo -n app", "name cannot be provided when a selector is specified"],
    ["delete pods solo -A", "a resource cannot be retrieved by name across all namespaces"],
    ["delete pods --all -l app=solo", "setting 'all' parameter but found a non empty selector."],
    ["delete pod solo --cascade=sideways", 'invalid cascade value (sideways). Must be "background", "foreground", or "orphan"'],
    ["delete pod solo --now --grace-period=3", "--now and --grace-period cannot be specified together"],
    ["delete pod solo --force --grace-period=5", "--force and --grace-period greater than 0 cannot be specified together"],
    ["delete pod solo --now --force", "--force and --grace-period greater than 0 cannot be specified together"],
    ["delete pod solo -o yaml", "unexpected -o output mode: yaml. We only support '-o name'"],
    ["delete pod solo --timeout=soon", 'invalid argument "soon" for "--timeout" flag'],
    ["delete pod solo -i", "--interactive is not supported by what-if"],
    ["delete pod solo --field-selector metadata.name=solo", "--field-selector is not supported by what-if"],
    ["delete gizmo x", 'the server doesn\'t have a resource type "gizmo"'],
  ])("refuses kubectl %s", (command, message) => {
    expect(() => run(command)).toThrow(UsageError);
    expect(() => run(command)).toThrow(message);
  });
});

const WEB_CASCADE = [
  "Pod web-7d4-aaaaa: garbage-collected: owned by ReplicaSet app/web-7d4 (background cascade)",
  "Pod web-7d4-bbbbb: garbage-collected: owned by ReplicaSet app/web-7d4 (background cascade)",
  "ReplicaSet web-7d4: garbage-collected: owned by Deployment app/web (background cascade)",
  "Deployment web: deleted by kubectl delete --cascade=background",
];

describe("kubectl delete -f", () => {
  const files = new URL("fixtures/delete-files/", import.meta.url).pathname;
  const objects = `${files}objects.yaml`;

  it.each([
    [
      `delete -f ${objects} -n app`,
      [
        'pod "solo" deleted from app namespace',
        `Error from server (NotFound): error when deleting "${objects}": pods "ghost" not found`,
        `resource mapping not found for name: "g" namespace: "" from "${objects}": no matches for kind "Gizmo" in version "example.com/v1"`,
        "ensure CRDs are installed first",
      ],
    ],
    // A directory: its manifests, not those below it.
    [`delete -f ${files}service.json`, ['service "solo" deleted from app namespace']],
    [`delete -f ${files} -n app --ignore-not-found -o name`, ["pod/solo", "service/solo", `resource mapping not found for name: "g" namespace: "" from "${objects}": no matches for kind "Gizmo" in version "example.com/v1"`, "ensure CRDs are installed first"]],
  ])("kubectl %s", (command, lines) => {
    expect(run(command).lines).toEqual(lines);
  });

  it.each([
    [`delete -f ${files}missing.yaml`, `the path "${files}missing.yaml" does not exist`],
    [`delete -f ${files}service.json -n other`, `the namespace from the provided object "app" does not match the namespace "other". You must pass '--namespace=app' to perform this operation.`],
    [`delete -f ${objects} pod solo`, "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well"],
    ["delete -f -", "-f - (stdin) is not supported by what-if"],
    [`delete -f ${files} -R`, "--recursive is not supported by what-if"],
  ])("refuses kubectl %s", (command, message) => {
    expect(() => run(command)).toThrow(UsageError);
    expect(() => run(command)).toThrow(message);
  });
});

describe("kubectl delete: the garbage collector's cascade", () => {
  it.each([
    ["delete deployment web -n app", WEB_CASCADE],
    [
      "delete deployment web -n app --cascade=foreground",
      [
        "Pod web-7d4-aaaaa: garbage-collected: owned by ReplicaSet app/web-7d4 (foreground cascade)",
        "Pod web-7d4-bbbbb: garbage-collected: owned by ReplicaSet app/web-7d4 (foreground cascade)",
        // The owners go last, once their dependents are gone.
        "ReplicaSet web-7d4: garbage-collected: owned by Deployment app/web (foreground cascade)",
        "Deployment web: deleted by kubectl delete --cascade=foreground",
      ],
    ],
    ["delete deployment web -n app --cascade=orphan", ["Deployment web: deleted by kubectl delete --cascade=orphan"]],
    [
      "delete cronjob nightly -n app",
      [
        "CronJob nightly: deleted by kubectl delete --cascade=background",
        "Job nightly-29000: garbage-collected: owned by CronJob app/nightly (background cascade)",
        "Pod nightly-29000-x7k2p: garbage-collected: owned by Job app/nightly-29000 (background cascade)",
      ],
    ],
    ["delete daemonset agent -n app", ["DaemonSet agent: deleted by kubectl delete --cascade=background", "Pod agent-k8s2q: garbage-collected: owned by DaemonSet app/agent (background cascade)"]],
    // whenDeleted: Delete: the claim goes with the set, and its volume (reclaim policy Delete) with the claim.
    [
      "delete statefulset db -n app",
      [
        "StatefulSet db: deleted by kubectl delete --cascade=background",
        "Pod db-0: garbage-collected: owned by StatefulSet app/db (background cascade)",
        "PersistentVolumeClaim data-db-0: garbage-collected: owned by StatefulSet app/db (background cascade)",
        "PersistentVolume pv-db: deleted by the PersistentVolume controller: its claim app/data-db-0 is deleted (persistentVolumeReclaimPolicy: Delete)",
      ],
    ],
    // whenDeleted: Retain (the default): the claim and its volume stay.
    ["delete statefulset cache -n app", ["StatefulSet cache: deleted by kubectl delete --cascade=background", "Pod cache-0: garbage-collected: owned by StatefulSet app/cache (background cascade)"]],
    ["delete pvc data-db-0 -n app -- delete pod db-0 -n app", ["PersistentVolumeClaim data-db-0: deleted by kubectl delete --cascade=background", "Pod db-0: deleted by kubectl delete --cascade=background"]],
    // A custom owner: its dependents wait for its finalizer.
    ["delete widget w1 -n app", ["Widget w1: deleted by kubectl delete --cascade=background"]],
    ["delete configmap w1-config -n app", ["ConfigMap w1-config: deleted by kubectl delete --cascade=background"]],
  ])("kubectl %s", (command, deleted) => {
    expect(run(command).deleted.sort()).toEqual([...deleted].sort());
  });

  it("keeps a dependent another owner still has, without its reference to the owner that goes", () => {
    const result = run("delete deployment web -n app");
    expect(result.deleted.some((d) => d.startsWith("ConfigMap shared"))).toBe(false);
    expect(result.ownerNames("ConfigMap", "shared")).toEqual(["api"]);
    expect(result.notes).toContain("ConfigMap app/shared: kept, as Deployment app/api still owns it; its ownerReference to Deployment app/web is removed");
    // A reference with another uid names an earlier object of that name: not a dependent.
    expect(result.ownerNames("ConfigMap", "stale")).toEqual(["web"]);
    // Both owners gone: the dependent goes.
    expect(run("delete deployments web api -n app").deleted).toContain("ConfigMap shared: garbage-collected: owned by Deployment app/web (background cascade)");
  });

  it("orphans: the dependents stay, their references to the owner removed", () => {
    const result = run("delete deployment web -n app --cascade=orphan");
    expect(result.ownerNames("ReplicaSet", "web-7d4")).toEqual([]);
    expect(result.ownerNames("ConfigMap", "shared")).toEqual(["api"]);
    expect(result.updated.sort()).toEqual(["ConfigMap shared", "ReplicaSet web-7d4"]);
    expect(result.notes).toEqual([
      "ReplicaSet app/web-7d4: kept (orphan cascade); its ownerReference to Deployment app/web is removed",
      "ConfigMap app/shared: kept (orphan cascade); its ownerReference to Deployment app/web is removed",
    ]);
  });

  it("says what holds a foreground deletion", () => {
    expect(run("delete deployment web -n app --cascade=foreground").notes.slice(0, 2)).toEqual([
      "Deployment app/web: deleted in the foreground: it stays, with a deletionTimestamp and the foregroundDeletion finalizer, until its blocking dependents are gone: ReplicaSet app/web-7d4",
      "ReplicaSet app/web-7d4: deleted in the foreground: it stays, with a deletionTimestamp and the foregroundDeletion finalizer, until its blocking dependents are gone: Pod app/web-7d4-aaaaa, Pod app/web-7d4-bbbbb",
    ]);
    expect(run("delete configmap shared -n app --cascade=foreground").notes).toEqual([
      "ConfigMap app/shared: deleted in the foreground: it gets the foregroundDeletion finalizer, and with no dependent that blocks it (blockOwnerDeletion), it goes as soon as the garbage collector sees it",
    ]);
  });

  it.each([
    ["delete statefulset db -n app", [
      "StatefulSet app/db: its PersistentVolumeClaims data-db-0 are deleted with it (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete)",
      "warning: PersistentVolume pv-db (1Gi) is deleted with its claim app/data-db-0 (persistentVolumeReclaimPolicy: Delete): the volume and the data on it are destroyed",
    ]],
    ["delete statefulset cache -n app", ["StatefulSet app/cache: its PersistentVolumeClaims data-cache-0 are kept (persistentVolumeClaimRetentionPolicy.whenDeleted: Retain)"]],
    ["delete pod cache-0 -n app -- delete pvc data-cache-0 -n app", [
      "PersistentVolume pv-cache (1Gi) becomes Released with its claim app/data-cache-0 gone (persistentVolumeReclaimPolicy: Retain): its data is kept, and no claim binds to it until its claimRef is cleared",
    ]],
    // The pod still uses the claim: protection holds it, and its volume stays bound.
    ["delete pvc data-cache-0 -n app", [
      "PersistentVolumeClaim app/data-cache-0 stays Terminating: finalizer kubernetes.io/pvc-protection holds it while pod app/cache-0 uses it",
      "kubectl delete waits (--wait) for PersistentVolumeClaim app/data-cache-0 to be gone: it does not return while finalizers hold it, unless --timeout passes",
    ]],
    ["delete pvc data-cache-0 -n app --wait=false", ["PersistentVolumeClaim app/data-cache-0 stays Terminating: finalizer kubernetes.io/pvc-protection holds it while pod app/cache-0 uses it"]],
    ["delete pv pv-cache", [
      "PersistentVolume pv-cache stays Terminating: finalizer kubernetes.io/pv-protection holds it while claim app/data-cache-0 is bound to it",
      "kubectl delete waits (--wait) for PersistentVolume pv-cache to be gone: it does not return while finalizers hold it, unless --timeout passes",
    ]],
    ["delete widget w1 -n app --wait=false", [
      "Widget app/w1: its dependents stay while its finalizers hold it, and go once it is gone: ConfigMap app/w1-config",
      "Widget app/w1 stays Terminating: finalizer example.com/cleanup holds it until whatever set it removes it (no Kubernetes controller does)",
    ]],
    // Job tracking is the Job controller's: it does not hold the pod.
    ["delete job nightly-29000 -n app", []],
  ])("kubectl %s: claims, volumes and finalizers", (command, notes) => {
    expect(run(command).notes).toEqual(notes);
  });

  it.each([
    ["delete pod web-7d4-aaaaa -n app", ["Pod app/web-7d4-aaaaa: ReplicaSet app/web-7d4 creates a new one in its place (the plan schedules it); to remove it for good, scale down or delete Deployment app/web"], ["Deployment web"]],
    ["delete replicaset web-7d4 -n app", ["ReplicaSet app/web-7d4: Deployment app/web creates a new one in its place (the plan schedules it); to remove it for good, scale it down or delete it"], ["Deployment web"]],
    ["delete pod db-0 -n app", ["Pod app/db-0: StatefulSet app/db creates a new one in its place (the plan schedules it); to remove it for good, scale it down or delete it"], ["StatefulSet db"]],
    ["delete pod agent-k8s2q -n app", ["Pod app/agent-k8s2q: DaemonSet app/agent creates a new one in its place (the plan schedules it); to remove it for good, delete it"], ["DaemonSet agent"]],
    ["delete pod solo -n app", ["warning: Service app/solo selects no pod any more: its endpoints go empty, and connections to it fail"], []],
    ["delete deployment web -n app --cascade=orphan", undefined, []],
  ])("kubectl %s: controllers put back what they own; Services left without pods", (command, notes, updated) => {
    const result = run(command);
    if (notes) expect(result.notes).toEqual(notes);
    expect(result.updated.filter((u) => !u.startsWith("ConfigMap") && !u.startsWith("ReplicaSet"))).toEqual(updated);
  });

  it("warns about a Service whose workload goes, not one whose pods come back", () => {
    expect(run("delete deployment web -n app").notes).toContain("warning: Service app/web selects no pod any more: its endpoints go empty, and connections to it fail");
    expect(run("delete pods -l app=web -n app").notes.some((n) => n.includes("Service"))).toBe(false);
  });
});

describe("kubectl delete namespace", () => {
  it("deletes every object in it, and says which finalizers keep it Terminating", () => {
    const result = run("delete namespace app");
    const kinds = new Set(result.deleted.map((d) => d.split(" ")[0]));
    expect([...kinds].sort()).toEqual(["ConfigMap", "CronJob", "DaemonSet", "Deployment", "Job", "Namespace", "PersistentVolume", "PersistentVolumeClaim", "Pod", "ReplicaSet", "Service", "StatefulSet", "Widget"]);
    expect(result.deleted).toContain("Pod solo: deleted with Namespace app: the namespace controller deletes its content");
    expect(result.deleted.filter((d) => d.startsWith("PersistentVolume "))).toEqual([
      "PersistentVolume pv-db: deleted by the PersistentVolume controller: its claim app/data-db-0 is deleted (persistentVolumeReclaimPolicy: Delete)",
    ]);
    expect(result.notes).toContain(
      "Namespace app stays Terminating: Some resources are remaining: widgets.example.com has 1 resource instances; Some content in the namespace has finalizers remaining: example.com/cleanup in 1 resource instances",
    );
    expect(result.notes).toContain("kubectl delete waits (--wait) for Namespace app to be gone: it does not return while finalizers hold it, unless --timeout passes");
  });

  it("is gone once its content is, when no finalizer holds it", () => {
    expect(run("delete namespace other").notes).toEqual(["Namespace other: Terminating until the namespace controller has deleted the 0 object(s) in it, then gone (spec.finalizers: kubernetes)"]);
  });
});

describe("kubectl delete, planned", () => {
  it("shows the cascade as destroys, the orphans' changed references, and schedules the replacement of a deleted pod", async () => {
    const cascade = await whatIf([["delete", "deployment", "web", "-n", "app"]], { clusterPaths: [FIXTURE], now: NOW });
    expect(cascade.result.changes.filter((c) => c.action === "delete").map((c) => `${c.kind} ${c.name}`).sort()).toEqual(["Deployment web", "Pod web-7d4-aaaaa", "Pod web-7d4-bbbbb", "ReplicaSet web-7d4"]);
    expect(cascade.result.changes.find((c) => c.name === "shared")?.fields.map((f) => `${f.op} ${f.path}`)).toEqual(["remove metadata.ownerReferences[uid=d-web]"]);

    const orphan = await whatIf([["delete", "deployment", "web", "-n", "app", "--cascade=orphan"]], { clusterPaths: [FIXTURE], now: NOW });
    const deployment = orphan.result.changes.find((c) => c.kind === "Deployment" && c.name === "web")!;
    expect(deployment.action).toBe("delete");
    expect(deployment.rollout).toBeUndefined();
    expect(orphan.result.changes.find((c) => c.kind === "ReplicaSet")?.action).toBe("update");

    const pod = await whatIf([["delete", "pod", "web-7d4-aaaaa", "-n", "app"]], { clusterPaths: [FIXTURE], now: NOW });
    expect(pod.result.pods.map((p) => `${p.owner} ${p.node}`)).toEqual(["Deployment/web node-a"]);
    expect(pod.completed).toBe(true);
  });
});
