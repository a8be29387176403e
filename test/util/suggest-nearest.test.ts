import { describe, expect, test } from "vitest";
import { editDistance, nearest } from "../../src/util/suggest.js";

describe("editDistance (optimal string alignment)", () => {
  const cases: Array<[string, string, number]> = [
    ["image", "image", 0],
    ["imagee", "image", 1],
    ["evnfrom", "envfrom", 1], // a swap of neighbours costs one
    ["contianers", "containers", 1],
    ["tartport", "targetport", 2],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ];
  test.each(cases)("%j → %j: %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("nearest", () => {
  const fields = ["name", "image", "imagePullPolicy", "env", "envFrom", "ports", "volumeMounts"];
  const cases: Array<[string, readonly string[], string | undefined]> = [
    ["imagee", fields, "image"],
    ["evnFrom", fields, "envFrom"],
    ["Image", fields, "image"], // case first
    ["volumeMount", fields, "volumeMounts"],
    ["xyz", fields, undefined],
    ["ln", ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"], "In"], // l read for I
    ["always", ["Always", "IfNotPresent", "Never"], "Always"],
    ["Pdo", ["Pod", "Node"], "Pod"],
  ];
  test.each(cases)("%j among %j → %j", (input, candidates, expected) => {
    expect(nearest(input, candidates)).toBe(expected);
  });

  test("ties go to the same first letter, then alphabetical order", () => {
    expect(nearest("cat", ["bat", "cut", "hat"])).toBe("cut");
    expect(nearest("cat", ["hat", "bat"])).toBe("bat");
  });
});
