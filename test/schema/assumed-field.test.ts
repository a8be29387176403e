// Under a misspelt field with one confident suggestion, the value is checked
// as the suggested field's: the typos inside are found in the same run, each
// marked with what was assumed, at the line where it is written.
import { describe, expect, it } from "vitest";
import { findingsOf } from "./helpers.js";

const persistentVolume = (affinity: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-1
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  local: {path: /mnt/disks/ssd1}
  nodeAffinity:
${affinity}
`;

const terms = (operator: string) => `      nodeSelectorTerms:
        - matchExpressions:
            - key: kubernetes.io/hostname
              operator: ${operator}
              values: [node-1]`;

function findings(text: string): string[] {
  return findingsOf(text).map((f) => `${f.line}:${f.column} ${f.message}${f.fix ? ` => ${f.fix.edits.map((e) => e.text).join(",")}` : ""}`);
}

describe("values of misspelt fields", () => {
  it.each([
    [
      "a typo inside a misspelt field, found in the same run, with its fix where it is written",
      persistentVolume("    require:\n" + terms("ln")),
      [
        '10:5 spec.nodeAffinity.require: unknown field "require" (did you mean "required"?) => required',
        '14:25 spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "ln": not a valid selector operator (did you mean "In"?) (assuming "required") => In',
      ],
    ],
    ["nothing more when the value is right for the suggested field", persistentVolume("    require:\n" + terms("In")), ['10:5 spec.nodeAffinity.require: unknown field "require" (did you mean "required"?) => required']],
    [
      "nothing assumed for a field that belongs elsewhere (no confident suggestion)",
      persistentVolume("    nodeSelectorTerms:\n      - matchExpressions: [{key: a, operator: ln}]\n    required: {nodeSelectorTerms: []}"),
      ['10:5 spec.nodeAffinity.nodeSelectorTerms: unknown field "nodeSelectorTerms" (it belongs at spec.nodeAffinity.required.nodeSelectorTerms)'],
    ],
    ["a valid object: nothing", persistentVolume("    required:\n" + terms("In")), []],
  ])("%s", (_name, text, expected) => {
    expect(findings(text)).toEqual(expected);
  });
});
