// Every manifest of the kubernetes/examples corpus (outside _archived/)
// against the schemas of the default release. Each expected error is a real
// problem: the API server would refuse the object.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { loadText } from "../../src/load/index.js";
import { createSchemaValidator } from "../../src/schema/index.js";

const CORPUS = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "kubernetes-examples");
const available = existsSync(CORPUS);
if (!available) console.warn(`schema corpus test skipped: ${CORPUS} is absent`);

function manifestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry === "_archived") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...manifestFiles(path));
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(path);
  }
  return out;
}

function schemaFindings(kubernetesVersion: string, ignoreMissingSchemas: boolean): string[] {
  const validator = createSchemaValidator({ kubernetesVersion, ignoreMissingSchemas });
  const out: string[] = [];
  for (const file of manifestFiles(CORPUS)) {
    const { documents } = loadText(readFileSync(file, "utf8"), relative(CORPUS, file));
    for (const document of documents) {
      for (const f of validator.validate(document)) out.push(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
    }
  }
  return out;
}

describe.skipIf(!available)("kubernetes/examples corpus", () => {
  test("the files are there", () => {
    expect(manifestFiles(CORPUS).length).toBeGreaterThan(30);
  });

  // Custom resources of the Prometheus operator (monitoring.coreos.com): the
  // API server refuses them unless their CRDs are installed ("no matches for
  // kind ... ensure CRDs are installed first"); the corpus does not ship them.
  const missingCrds = [
    "AI/vllm-deployment/hpa/gpu-service-monitor-generic.yaml:5:7 error schema/missing-schema could not find schema for ServiceMonitor",
    "AI/vllm-deployment/hpa/gpu-service-monitor-gke.yaml:6:7 error schema/missing-schema could not find schema for ServiceMonitor",
    "AI/vllm-deployment/hpa/prometheus-rule.yaml:14:7 error schema/missing-schema could not find schema for PrometheusRule",
    "AI/vllm-deployment/hpa/vllm-service-monitor.yaml:6:7 error schema/missing-schema could not find schema for ServiceMonitor",
  ];

  test.each(["1.30", "1.33", "1.36"])("Kubernetes %s: only the custom resources lack a schema", (version) => {
    expect(schemaFindings(version, false)).toEqual(missingCrds);
  });

  test("with ignoreMissingSchemas, the corpus is clean", () => {
    expect(schemaFindings("1.36", true)).toEqual([]);
  });
});
