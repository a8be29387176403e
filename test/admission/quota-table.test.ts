// The quota table of the plan's text output.
import { describe, expect, it } from "vitest";
import { renderQuotaTable } from "../../src/report/plan/admission-text.js";
import { ns, plan } from "./plan.js";

const CLUSTER = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: shop}
spec: {hard: {requests.cpu: "2", requests.memory: 2Gi, pods: "4"}}
status: {used: {requests.cpu: 500m, requests.memory: 1Gi, pods: "1"}}
`;

const pod = (name: string, memory: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop}\nspec: {containers: [{name: app, image: x, resources: {requests: {cpu: 250m, memory: ${memory}}}}]}\n---\n`;

describe("renderQuotaTable", () => {
  const { result } = plan(
    pod("a", "768Mi") + pod("b", "512Mi") + `${ns("team")}apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: small, namespace: team}\nspec: {hard: {pods: "10"}, scopes: [BestEffort]}\n`,
    { cluster: CLUSTER },
  );

  it("shows usage before and after the plan against the hard limit, per namespace and quota", () => {
    expect(renderQuotaTable(result, { color: false })).toBe(
      [
        "NAMESPACE  QUOTA                     RESOURCE         BEFORE  AFTER   HARD  USED",
        "shop       compute                   pods             1       2       4     50%",
        "                                     requests.cpu     500m    750m    2     38%",
        "                                     requests.memory  1Gi     1792Mi  2Gi   88%",
        "team       small (new) [BestEffort]  pods             0       0       10    0%",
        "shop: 1 request refused by quota compute",
        "",
      ].join("\n"),
    );
  });

  it("colours a nearly full quota and the refusals when asked to", () => {
    const text = renderQuotaTable(result, { color: true });
    expect(text).toContain("\x1b[33m88%\x1b[0m");
    expect(text).toContain("\x1b[31m1 request refused by quota compute\x1b[0m");
    expect(text).toContain("\x1b[1mNAMESPACE\x1b[0m");
  });

  it("is empty without quotas", () => {
    expect(renderQuotaTable(plan(pod("a", "1Gi")).result, { color: false })).toBe("");
  });
});
