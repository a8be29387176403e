// All rules over the public Kubernetes examples. Each directory is one input,
// as `kubectl apply -f <dir>` (not recursive) would take it.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { Inventory } from "../../src/inventory.js";
import { loadInputs } from "../../src/load/index.js";
import { ALL_RULES } from "../../src/rules/index.js";
import type { Finding } from "../../src/types.js";
import { compareFindings, reportToFinding } from "../../src/validate/findings.js";

const CORPUS = "../shared/corpus/kubernetes-examples";
const present = existsSync(CORPUS);

function directories(dir: string): string[] {
  const out = [dir];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (entry !== "_archived" && statSync(path).isDirectory()) out.push(...directories(path));
  }
  return out;
}

function manifestsIn(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Runs every rule on every document of the directory, letting any exception through. */
function findingsOf(dir: string): Finding[] {
  const { documents } = loadInputs(manifestsIn(dir));
  const inventory = new Inventory();
  inventory.addDocuments(documents);
  const context = { inventory, kubernetesVersion: "1.36" };
  return documents.flatMap((document) => ALL_RULES.flatMap((rule) => rule.check(document, context).map((report) => reportToFinding(document, rule.id, rule.severity, report))));
}

function corpusFindings(): Finding[] {
  return directories(CORPUS)
    .filter((dir) => manifestsIn(dir).length > 0)
    .flatMap(findingsOf)
    .sort(compareFindings);
}

const describeCorpus = present ? describe : describe.skip;
const title = present ? "rules over the kubernetes-examples corpus" : `rules over the kubernetes-examples corpus (skipped: ${CORPUS} is absent)`;

describeCorpus(title, () => {
  const shown = (f: Finding) => `${f.rule} ${relative(CORPUS, f.file)}:${f.line}:${f.column} ${f.message.replaceAll(CORPUS + "/", "")}`;

  it("runs every rule without an exception and finds exactly these errors", () => {
    const errors = corpusFindings().filter((f) => f.severity === "error").map(shown);
    expect(errors).toEqual([
      // gpu-service-monitor-generic.yaml and gpu-service-monitor-gke.yaml are alternatives that
      // share a name: applying the directory, the GKE one silently replaces the generic one.
      'inputs/duplicate-object AI/vllm-deployment/hpa/gpu-service-monitor-gke.yaml:8:9 ServiceMonitor.monitoring.coreos.com "nvidia-dcgm-exporter-servicemonitor" in namespace "monitoring" is already defined at AI/vllm-deployment/hpa/gpu-service-monitor-generic.yaml:4 (a different definition; applying both, this one replaces it)',
      // all-in-one/ holds guestbook-all-in-one.yaml and, again, frontend.yaml and redis-replica.yaml:
      // the directory defines these objects twice (identical copies, so applying it is harmless but redundant).
      'inputs/duplicate-object web/guestbook/all-in-one/guestbook-all-in-one.yaml:101:9 Service "frontend" in namespace "default" is already defined at web/guestbook/all-in-one/frontend.yaml:1 (an identical copy)',
      'inputs/duplicate-object web/guestbook/all-in-one/guestbook-all-in-one.yaml:120:9 Deployment.apps "frontend" in namespace "default" is already defined at web/guestbook/all-in-one/frontend.yaml:20 (an identical copy)',
      'inputs/duplicate-object web/guestbook/all-in-one/redis-replica.yaml:4:9 Service "redis-replica" in namespace "default" is already defined at web/guestbook/all-in-one/guestbook-all-in-one.yaml:46 (an identical copy)',
      'inputs/duplicate-object web/guestbook/all-in-one/redis-replica.yaml:20:9 Deployment.apps "redis-replica" in namespace "default" is already defined at web/guestbook/all-in-one/guestbook-all-in-one.yaml:62 (an identical copy)',
    ]);
  });

  it("warns about the objects the examples expect to be created by hand", () => {
    const warnings = corpusFindings().filter((f) => f.severity !== "error").map((f) => `${f.severity} ${shown(f)}`);
    expect(warnings).toEqual([
      // No file of the example runs the DCGM exporter pods these Services select (installed separately).
      'warning service/selector-no-match AI/vllm-deployment/hpa/gpu-dcgm-exporter-service-generic.yaml:17:3 spec.selector: selects no pods: no pod template in namespace "monitoring" (in the inputs) has the labels app.kubernetes.io/name=gpu-dcgm-exporter; the Service will have no endpoints',
      'warning service/selector-no-match AI/vllm-deployment/hpa/gpu-dcgm-exporter-service-gke.yaml:27:3 spec.selector: selects no pods: no pod template in namespace "gke-managed-system" (in the inputs) has the labels app.kubernetes.io/name=gke-managed-dcgm-exporter; the Service will have no endpoints',
      // The autoscalers' target is in the parent directory, applied on its own.
      'warning references/missing AI/vllm-deployment/hpa/gpu-horizontal-pod-autoscaler.yaml:15:11 spec.scaleTargetRef.name: deployment.apps "vllm-gemma-deployment" not found in namespace "default" (in the inputs); the HorizontalPodAutoscaler has nothing to scale',
      'warning references/missing AI/vllm-deployment/hpa/horizontal-pod-autoscaler.yaml:15:11 spec.scaleTargetRef.name: deployment.apps "vllm-gemma-deployment" not found in namespace "default" (in the inputs); the HorizontalPodAutoscaler has nothing to scale',
      // hf-secret holds a Hugging Face token: no example file defines it, it is created by hand.
      'warning references/missing AI/vllm-deployment/vllm-deployment.yaml:53:21 spec.template.spec.containers[0].env[2].valueFrom.secretKeyRef.name: secret "hf-secret" not found in namespace "default" (in the inputs); the container will not start (CreateContainerConfigError) until it exists',
    ]);
  });
});
