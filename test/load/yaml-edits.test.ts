// Changes of a document made as text edits: everything not changed stays as
// written (comments, quoting, order, blank lines); what cannot be changed in
// place is refused rather than approximated.
import { describe, expect, it } from "vitest";
import { loadText } from "../../src/load/index.js";
import { applyTextEdits } from "../../src/fix/apply-edits.js";
import type { YamlChange } from "../../src/types.js";

/** A ConfigMap-like object around `body`, so that the loader takes it as a document. */
const object = (body: string) => `apiVersion: v1\nkind: X\n${body}`;

function edited(text: string, changes: YamlChange[]): string | undefined {
  const document = loadText(text, "x.yaml").documents[0]!;
  const edits = document.edits!(changes);
  return edits === undefined ? undefined : applyTextEdits(text, edits);
}

const service = `apiVersion: v1
kind: Service
metadata:
  name: web # the front
type: NodePort
spec:
  # ports first
  ports:
    - port: 80
      tartPort: 'http'
  selector: {app: web}
`;

describe("YAML edits", () => {
  it.each<[string, string, YamlChange[], string | undefined]>([
    ["a key renamed, quotes and comments kept", service, [{ op: "renameKey", pointer: "/spec/ports/0/tartPort", name: "targetPort" }], service.replace("tartPort", "targetPort")],
    ["a quoted value replaced in its quotes", service, [{ op: "setValue", pointer: "/spec/ports/0/tartPort", value: "web" }], service.replace("'http'", "'web'")],
    ["a plain value that YAML 1.1 reads as a boolean is quoted", object("a: b\n"), [{ op: "setValue", pointer: "/a", value: "on" }], object('a: "on"\n')],
    ["a number set plain", object("a: b # c\n"), [{ op: "setValue", pointer: "/a", value: 3 }], object("a: 3 # c\n")],
    ["text written as it is", object("ports:\n- port:9000\n"), [{ op: "replaceText", pointer: "/ports/0", text: "port: 9000" }], object("ports:\n- port: 9000\n")],
    ["a pair moved into another mapping, with its comment", service, [{ op: "movePair", pointer: "/type", to: "/spec" }], service.replace("type: NodePort\n", "").replace("spec:\n", "spec:\n  type: NodePort\n")],
    ["a pair removed with its nested lines", object("a:\n  b: 1\n  c: 2\nd: 3\n"), [{ op: "removePair", pointer: "/a" }], object("d: 3\n")],
    ["a pair replaced by another shape, in place, indented as the file is", object("backend:\n    serviceName: web # the app\n    servicePort: 80\n"), [{ op: "replacePair", pointer: "/backend/serviceName", key: "service", value: { name: "web", port: { number: 80 } } }, { op: "removePair", pointer: "/backend/servicePort" }], object("backend:\n    service:\n        name: web\n        port:\n            number: 80\n")],
    ["a pair inserted with the mapping's indentation", object("spec:\n    x: 1\n"), [{ op: "insertPair", pointer: "/spec", key: "type", value: "ClusterIP" }], object("spec:\n    type: ClusterIP\n    x: 1\n")],
    ["a key of an item of a List, by the item's own pointer", "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    dta: {}\n", [{ op: "renameKey", pointer: "/dta", name: "data" }], "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    data: {}\n"],
    ["CRLF line ends kept on a move", "apiVersion: v1\r\nkind: Service\r\ntype: A\r\nspec:\r\n  b: 1\r\n", [{ op: "movePair", pointer: "/type", to: "/spec" }], "apiVersion: v1\r\nkind: Service\r\nspec:\r\n  type: A\r\n  b: 1\r\n"],
    ["refused: a rename to a key already there", object("a: 1\nb: 2\n"), [{ op: "renameKey", pointer: "/a", name: "b" }], undefined],
    ["refused: a pointer to nothing", object("a: 1\n"), [{ op: "renameKey", pointer: "/z", name: "b" }], undefined],
    ["refused: a pair moved into a flow mapping", service, [{ op: "movePair", pointer: "/type", to: "/spec/selector" }], undefined],
    ["refused: a key after '- ' removed (the item's dash with it)", object("l:\n- a: 1\n  b: 2\n"), [{ op: "removePair", pointer: "/l/0/a" }], undefined],
    ["refused: a quoted scalar replaced by text", object('ports:\n- "port:9000"\n'), [{ op: "replaceText", pointer: "/ports/0", text: "port: 9000" }], undefined],
    ["refused: a block scalar replaced", object("a: |\n  x\n"), [{ op: "setValue", pointer: "/a", value: "y" }], undefined],
    ["refused: a value through an alias", object("a: &x {b: 1}\nc: *x\n"), [{ op: "setValue", pointer: "/c/b", value: 2 }], undefined],
  ])("%s", (_name, text, changes, expected) => {
    expect(edited(text, changes)).toBe(expected);
  });
});

describe("applyTextEdits", () => {
  const span = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn });
  it.each([
    ["a replacement", "ab\ncd\n", [{ span: span(2, 1, 2, 2), text: "X" }], "ab\nXd\n"],
    ["an insertion at a line's start", "ab\ncd\n", [{ span: span(2, 1, 2, 1), text: "Y\n" }], "ab\nY\ncd\n"],
    ["a removal of whole lines, up to the next line's start", "ab\ncd\nef\n", [{ span: span(1, 1, 3, 1), text: "" }], "ef\n"],
    ["edits made in the order of the text", "ab\n", [{ span: span(1, 2, 1, 3), text: "2" }, { span: span(1, 1, 1, 2), text: "1" }], "12\n"],
    ["refused: overlapping edits", "abc\n", [{ span: span(1, 1, 1, 3), text: "" }, { span: span(1, 2, 1, 4), text: "" }], undefined],
    ["refused: a line past the end", "ab\n", [{ span: span(4, 1, 4, 1), text: "x" }], undefined],
    ["refused: a column past the line's end", "ab\ncd\n", [{ span: span(1, 5, 1, 5), text: "x" }], undefined],
  ])("%s", (_name, text, edits, expected) => {
    expect(applyTextEdits(text, edits)).toBe(expected);
  });
});
