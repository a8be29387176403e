import { describe, expect, it } from "vitest";
import { artifactLocation, slashPath } from "../../src/report/paths.js";

describe("slashPath", () => {
  it.each([
    ["deploy.yaml", "deploy.yaml"],
    ["./k8s/deploy.yaml", "k8s/deploy.yaml"],
    ["././k8s/deploy.yaml", "k8s/deploy.yaml"],
    ["k8s\\apps\\web.yaml", "k8s/apps/web.yaml"],
    [".\\k8s\\web.yaml", "k8s/web.yaml"],
    ["../other/web.yaml", "../other/web.yaml"],
    ["/abs/web.yaml", "/abs/web.yaml"],
  ])("%s → %s", (file, expected) => {
    expect(slashPath(file)).toBe(expected);
  });
});

describe("artifactLocation", () => {
  it.each([
    { file: "k8s/deploy.yaml", expected: { uri: "k8s/deploy.yaml", uriBaseId: "%SRCROOT%" } },
    { file: "./k8s\\deploy.yaml", expected: { uri: "k8s/deploy.yaml", uriBaseId: "%SRCROOT%" } },
    { file: "my app/50%.yaml", expected: { uri: "my%20app/50%25.yaml", uriBaseId: "%SRCROOT%" } },
    // A colon in the first segment would read as a URI scheme.
    { file: "a:b.yaml", expected: { uri: "a%3Ab.yaml", uriBaseId: "%SRCROOT%" } },
    { file: "<stdin>", expected: { uri: "%3Cstdin%3E", uriBaseId: "%SRCROOT%" } },
    { file: "chart/templates/web.yaml", expected: { uri: "chart/templates/web.yaml", uriBaseId: "%SRCROOT%" } },
    { file: "/home/ci/repo/k8s/web.yaml", expected: { uri: "file:///home/ci/repo/k8s/web.yaml" } },
    { file: "C:\\repo\\k8s\\web yaml.yaml", expected: { uri: "file:///C:/repo/k8s/web%20yaml.yaml" } },
  ])("$file", ({ file, expected }) => {
    expect(artifactLocation(file)).toEqual(expected);
  });
});
