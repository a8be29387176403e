// The field errors of the CustomResourceDefinition checks as they are found
// (upstream appends to a field.ErrorList): the shared field errors of
// src/apiserver/field, gathered where the checks walk the schema.
import { forbidden, invalid, required, type FieldError } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";

export class ErrorList {
  readonly list: FieldError[] = [];

  add(error: FieldError): void {
    this.list.push(error);
  }

  invalid(path: FieldPath, value: unknown, detail: string): void {
    this.add(invalid(path, value, detail));
  }

  required(path: FieldPath, detail: string): void {
    this.add(required(path, detail));
  }

  forbidden(path: FieldPath, detail: string): void {
    this.add(forbidden(path, detail));
  }

  get length(): number {
    return this.list.length;
  }
}
