import { describe, expect, it } from "vitest";
import {
  duplicate, errorMessage, forbidden, invalid, notFound, notSupported, OMIT_VALUE, PrintedValue, required, tooLong, tooLongMaxLength, tooMany, warningMessage,
} from "../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../src/apiserver/field/path.js";

const containers = FieldPath.root("spec", "containers");

describe("FieldPath", () => {
  it.each([
    [FieldPath.root("metadata", "name"), "metadata.name", "/metadata/name"],
    [containers.index(0).child("image"), "spec.containers[0].image", "/spec/containers/0/image"],
    [FieldPath.root("metadata").child("labels").key("app.kubernetes.io/name"), "metadata.labels[app.kubernetes.io/name]", "/metadata/labels/app.kubernetes.io~1name"],
    [FieldPath.root(""), "", ""],
  ])("prints %s as the API server does and knows its pointer", (path, text, pointer) => {
    expect(path.toString()).toBe(text);
    expect(path.pointer()).toBe(pointer);
  });
});

describe("field errors", () => {
  const name = containers.index(1).child("name");
  it.each([
    [invalid(name, "Web", "must be lowercase"), 'spec.containers[1].name: Invalid value: "Web": must be lowercase'],
    [invalid(name, 70000, "must be between 1 and 65535, inclusive"), "spec.containers[1].name: Invalid value: 70000: must be between 1 and 65535, inclusive"],
    [invalid(name, null, "bad"), "spec.containers[1].name: Invalid value: null: bad"],
    [invalid(name, { a: "<b>" }, "bad"), 'spec.containers[1].name: Invalid value: {"a":"\\u003cb\\u003e"}: bad'],
    [invalid(name, new PrintedValue('map[string]string{"a":"b"}'), "bad"), 'spec.containers[1].name: Invalid value: map[string]string{"a":"b"}: bad'],
    [invalid(name, OMIT_VALUE, "bad"), "spec.containers[1].name: Invalid value: bad"],
    [required(name), "spec.containers[1].name: Required value"],
    [required(name, "must be set"), "spec.containers[1].name: Required value: must be set"],
    [duplicate(name, "web"), 'spec.containers[1].name: Duplicate value: "web"'],
    [notFound(name, "certs"), 'spec.containers[1].name: Not found: "certs"'],
    [notSupported(name, "tcp", ["SCTP", "TCP", "UDP"]), 'spec.containers[1].name: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
    [forbidden(name, "may not be set"), "spec.containers[1].name: Forbidden: may not be set"],
    [tooLong(name, "x".repeat(300), 253), "spec.containers[1].name: Too long: may not be more than 253 bytes"],
    [tooLong(name, "x", 1), "spec.containers[1].name: Too long: may not be more than 1 byte"],
    [tooLongMaxLength(name, "x", 63), "spec.containers[1].name: Too long: may not be more than 63 bytes"],
    [tooMany(name, 40, 32), "spec.containers[1].name: Too many: 40: must have at most 32 items"],
    [tooMany(name, 2, 1), "spec.containers[1].name: Too many: 2: must have at most 1 item"],
    [tooMany(name, -1, 32), "spec.containers[1].name: Too many: must have at most 32 items"],
  ])("prints %# as field.Error does", (error, message) => {
    expect(errorMessage(error, "1.36")).toBe(message);
  });

  it.each([
    ["1.30", tooLong(name, "x", 253), "must have at most 253 bytes"],
    ["1.31", tooLongMaxLength(name, "x", 63), "may not be longer than 63"],
    ["1.31", tooLongMaxLength(name, "x", -1), "value is too long"],
    ["1.32", tooLongMaxLength(name, "x", 63), "may not be more than 63 bytes"],
    ["1.33", tooLong(name, "x", 1), "may not be more than 1 bytes"],
    ["1.33", tooMany(name, 2, 1), "2: must have at most 1 items"],
  ])("words limits as %s did", (version, error, detail) => {
    expect(errorMessage(error, version)).toBe(`${name.toString()}: ${error.type === "FieldValueTooMany" ? "Too many" : "Too long"}: ${detail}`);
  });

  it.each([
    ["1.33", '"null"'],
    ["1.34", "null"],
  ])("prints a nil value as %s did", (version, printed) => {
    expect(errorMessage(invalid(name, null, "bad"), version)).toBe(`spec.containers[1].name: Invalid value: ${printed}: bad`);
  });

  it("prints warnings with and without a path", () => {
    expect(warningMessage({ field: name, message: "deprecated" })).toBe("spec.containers[1].name: deprecated");
    expect(warningMessage({ message: "deprecated" })).toBe("deprecated");
  });
});
