import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const revision = (...lines: string[]) => yaml("apiVersion: apps/v1", "kind: ControllerRevision", "metadata: {name: web-5d8f7}", ...lines);

describe("validateControllerRevisionCreate", () => {
  it("accepts data with a revision", () => {
    expect(createPath(revision("data: {spec: {}}", "revision: 3"))).toEqual([]);
  });

  it.each([
    ["no data", revision("revision: 1"), ["data: Required value: data is mandatory"]],
    ["a negative revision", revision("data: {}", "revision: -1"), ["revision: Invalid value: -1: must be greater than or equal to 0"]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});
