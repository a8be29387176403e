// A Service whose selector matches no pods gets no endpoints; a named
// targetPort that no selected container declares gets no endpoint port.
// Controllers add labels of their own to the pods they create (a StatefulSet
// pod's name, a Job's name), so a selector may use those; and operators create
// pods from custom resources (Prometheus, Alertmanager), so a Service next to
// such a resource may select pods no manifest shows.
import type { Inventory } from "../../inventory.js";
import type { KubeObject, Report } from "../../types.js";
import { matchesMapSelector } from "../../util/selectors.js";
import type { Rule } from "../types.js";
import { containersOf, podTemplatesOf, templateLabels, type PodTemplate } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { closest } from "../../util/suggest.js";
import { apiGroup, isBuiltInGroup } from "../../util/api-values.js";
import { arrayOf, dig, isRecord, strictStringMapOf, stringOf } from "../../util/object-access.js";
import { searchedIn } from "../references/lookup.js";

interface SelectedTemplate {
  owner: string;
  template: PodTemplate;
}

interface TemplateIndex {
  size: number;
  /** Per namespace, the templates carrying each `key=value` label. */
  byLabel: Map<string, Map<string, SelectedTemplate[]>>;
}

/** Pod templates by namespace and label, built once per inventory (rebuilt if objects were added since). */
const templateIndexes = new WeakMap<Inventory, TemplateIndex>();

function templatesByLabel(inventory: Inventory): Map<string, Map<string, SelectedTemplate[]>> {
  const all = inventory.all();
  const cached = templateIndexes.get(inventory);
  if (cached && cached.size === all.length) return cached.byLabel;
  const byLabel = new Map<string, Map<string, SelectedTemplate[]>>();
  for (const entry of all) {
    // A PodTemplate object creates no pods.
    if (entry.object.kind === "PodTemplate") continue;
    const namespace = inventory.namespaceOf(entry.object);
    const labels = byLabel.get(namespace) ?? new Map<string, SelectedTemplate[]>();
    byLabel.set(namespace, labels);
    for (const template of podTemplatesOf(entry.object)) {
      const selected = { owner: `${entry.object.kind} "${entry.object.metadata?.name ?? ""}"`, template };
      for (const [key, value] of Object.entries(templateLabels(template) ?? {})) {
        const pair = `${key}=${value}`;
        const list = labels.get(pair);
        if (list) list.push(selected);
        else labels.set(pair, [selected]);
      }
    }
  }
  templateIndexes.set(inventory, { size: all.length, byLabel });
  return byLabel;
}

/** Pod templates (of the inputs and the cluster) in the namespace that the selector matches. */
function selectedTemplates(inventory: Inventory, namespace: string, selector: Record<string, string>): SelectedTemplate[] {
  const [key, value] = Object.entries(selector)[0]!;
  const candidates = templatesByLabel(inventory).get(namespace)?.get(`${key}=${value}`) ?? [];
  return candidates.filter((t) => matchesMapSelector(selector, templateLabels(t.template)));
}

function containerPortNames(template: PodTemplate): string[] {
  return containersOf(template)
    .filter((c) => c.list !== "ephemeralContainers")
    .flatMap((c) => arrayOf(c.container.ports).map((p) => (isRecord(p) ? stringOf(p.name) : undefined)))
    .filter((n): n is string => n !== undefined && n !== "");
}

function targetPortReports(object: KubeObject, selected: SelectedTemplate[]): Report[] {
  const reports: Report[] = [];
  const names = new Set(selected.flatMap((s) => containerPortNames(s.template)));
  const owners = [...new Set(selected.map((s) => s.owner))].sort().join(", ");
  arrayOf(dig(object, "spec", "ports")).forEach((port, index) => {
    const target = isRecord(port) ? stringOf(port.targetPort) : undefined;
    if (!target || names.has(target)) return;
    const at = ["spec", "ports", index, "targetPort"];
    const suggestion = closest(target, names);
    reports.push(
      reportAt(at, `${fieldPath(at)}: no container port named "${target}" in the pods the Service selects (${owners}); their endpoints get no port for it`, suggestion ? { suggestion } : {}),
    );
  });
  return reports;
}

/** Labels controllers put on the pods they create, which no pod template carries. */
const CONTROLLER_LABELS = new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "job-name",
  "controller-uid",
  "batch.kubernetes.io/job-name",
  "batch.kubernetes.io/controller-uid",
  "batch.kubernetes.io/job-completion-index",
]);

/** The selector without the labels controllers add: what a template must carry. */
function templateSelector(selector: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(selector).filter(([key]) => !CONTROLLER_LABELS.has(key)));
}

/**
 * Custom resources in the namespace that the selector names (a value that is
 * the resource's name, or its kind in lower case: `prometheus: k8s` for the
 * Prometheus "k8s"): an operator creates pods for them.
 */
function operatorResources(inventory: Inventory, namespace: string, selector: Record<string, string>): string[] {
  const words = new Set(Object.entries(selector).flatMap(([key, value]) => [key, value]));
  return inventory
    .all()
    .filter(({ object }) => !isBuiltInGroup(apiGroup(object.apiVersion)) && inventory.namespaceOf(object) === namespace)
    .filter(({ object }) => words.has(String(object.metadata?.name ?? "")) || words.has(String(object.kind ?? "").toLowerCase()))
    .map(({ object }) => `${object.kind} "${object.metadata?.name ?? ""}"`);
}

function describeSelector(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join(",");
}

export const serviceSelectorNoMatch: Rule = {
  id: "service/selector-no-match",
  severity: "warning",
  description: "A Service's selector should match the pods of some workload in its namespace, and its named targetPorts a port of those pods.",
  usesInventory: true,
  check(document, context) {
    const { object } = document;
    if (object.kind !== "Service" || apiGroup(object.apiVersion) !== "") return [];
    if (stringOf(dig(object, "spec", "type")) === "ExternalName") return [];
    const selector = strictStringMapOf(dig(object, "spec", "selector"));
    // Without a selector the Service's endpoints are managed by hand.
    if (!selector || Object.keys(selector).length === 0) return [];
    const { inventory } = context;
    const namespace = inventory.namespaceOf(object);
    const wanted = templateSelector(selector);
    // Only controller labels: the pods are picked by name or index, not by template.
    if (Object.keys(wanted).length === 0) return [];
    const selected = selectedTemplates(inventory, namespace, wanted);
    if (selected.length === 0) {
      const operated = operatorResources(inventory, namespace, selector);
      if (operated.length > 0) {
        const message = `spec.selector: selects no pod template of the inputs; the pods are probably created by an operator for ${operated.sort().join(", ")}`;
        return [reportAt(["spec", "selector"], message, { atKey: true, severity: "info" })];
      }
      return [
        reportAt(
          ["spec", "selector"],
          `spec.selector: selects no pods: no pod template in namespace "${namespace}" (${searchedIn(inventory)}) has the labels ${describeSelector(selector)}; the Service will have no endpoints`,
          { atKey: true },
        ),
      ];
    }
    return targetPortReports(object, selected);
  },
};
