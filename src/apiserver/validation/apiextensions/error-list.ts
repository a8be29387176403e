// field.ErrorList for the CustomResourceDefinition checks: each error in the
// API server's wording, bad values printed as the target release prints them.
import { forbidden, invalid, required } from "../../../rules/support/field-errors.js";
import { badValue } from "../../../schema/crd/bad-value.js";
import type { FieldError, FieldPath } from "./field-path.js";

export class ErrorList {
  readonly list: FieldError[] = [];

  constructor(readonly kubernetesVersion: string) {}

  add(path: FieldPath, message: string): void {
    this.list.push({ pointer: path.pointer, message });
  }

  invalid(path: FieldPath, value: unknown, detail: string): void {
    this.add(path, invalid(path.text, badValue(value, this.kubernetesVersion), detail));
  }

  required(path: FieldPath, detail: string): void {
    this.add(path, required(path.text, detail));
  }

  forbidden(path: FieldPath, detail: string): void {
    this.add(path, forbidden(path.text, detail));
  }

  get length(): number {
    return this.list.length;
  }
}
