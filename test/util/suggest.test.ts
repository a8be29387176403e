import { describe, expect, test } from "vitest";
import { closest, editDistance, nearest, typoThreshold } from "../../src/util/suggest.js";

describe("editDistance", () => {
  const cases: Array<[string, string, number, number]> = [
    // a, b, optimal string alignment, Levenshtein
    ["image", "image", 0, 0],
    ["imagee", "image", 1, 1],
    ["evnfrom", "envfrom", 1, 2], // a swap of neighbours
    ["contianers", "containers", 1, 2],
    ["tartport", "targetport", 2, 2],
    ["", "abc", 3, 3],
    ["kitten", "sitting", 3, 3],
    ["ca", "abc", 3, 3], // OSA edits no substring twice
  ];
  test.each(cases)("%j → %j: %i with transpositions, %i without", (a, b, osa, levenshtein) => {
    expect(editDistance(a, b)).toBe(osa);
    expect(editDistance(a, b, { transpositions: false })).toBe(levenshtein);
  });
});

test.each([
  ["ab", 1],
  ["abcde", 1],
  ["abcdef", 2],
  ["abcdefghi", 3],
])("typoThreshold(%j) = %i", (word, threshold) => {
  expect(typoThreshold(word)).toBe(threshold);
});

describe("nearest", () => {
  const fields = ["name", "image", "imagePullPolicy", "env", "envFrom", "ports", "volumeMounts"];
  const cases: Array<[string, readonly string[], string | undefined]> = [
    ["imagee", fields, "image"],
    ["evnFrom", fields, "envFrom"],
    ["Image", fields, "image"], // case first
    ["image", fields, undefined], // never the input itself
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

  test("maxDistance widens or narrows what counts as a typo", () => {
    expect(nearest("abcd", ["abxy"])).toBeUndefined();
    expect(nearest("abcd", ["abxy"], { maxDistance: 2 })).toBe("abxy");
    expect(nearest("tartport", ["targetPort"])).toBe("targetPort");
    expect(nearest("tartport", ["targetPort"], { maxDistance: 1 })).toBeUndefined();
  });
});

describe("closest", () => {
  const cases: Array<[string, readonly string[], string | undefined]> = [
    ["confg", ["config", "secret"], "config"],
    ["Config", ["config"], "config"], // case does not count
    ["config", ["config", "configs"], "config"], // an exact match is its own answer
    ["ab", ["xy"], "xy"], // at least 2 edits pass, however short the word
    ["abc", ["xyz"], undefined],
    ["evnfrom", ["envfrom"], "envfrom"], // a swap costs 2
    ["cat", ["hat", "bat"], "bat"], // ties: alphabetical
    ["database", ["web", "api"], undefined],
    ["x", [], undefined],
  ];
  test.each(cases)("%j among %j → %j", (input, candidates, expected) => {
    expect(closest(input, candidates)).toBe(expected);
  });
});
