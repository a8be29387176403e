// k8s.io/apimachinery's field.Path for the CustomResourceDefinition checks:
// the path the API server prints (`spec.validation.openAPIV3Schema.properties[spec]`)
// and, beside it, the JSON pointer of the same place in the manifest. The
// two differ where the API server reads a converted object: the schemas of
// a v1 CRD whose versions all share one are checked as `spec.validation`.
import { joinPointer } from "../../../util/pointer.js";

export class FieldPath {
  private constructor(
    /** The path as the API server prints it. */
    readonly text: string,
    /** Where the value sits in the manifest. */
    readonly pointer: string,
  ) {}

  static root(name: string, pointer = `/${name}`): FieldPath {
    return new FieldPath(name, pointer);
  }

  /** `a.b`; `pointerName` when the manifest names the field differently. */
  child(name: string, pointerName: string | null = name): FieldPath {
    return new FieldPath(this.text === "" ? name : `${this.text}.${name}`, pointerName === null ? this.pointer : joinPointer(this.pointer, pointerName));
  }

  /** `a[0]`. */
  index(index: number): FieldPath {
    return new FieldPath(`${this.text}[${index}]`, joinPointer(this.pointer, index));
  }

  /** `a[key]`. */
  key(key: string): FieldPath {
    return new FieldPath(`${this.text}[${key}]`, joinPointer(this.pointer, key));
  }

  toString(): string {
    return this.text;
  }
}

/** One field error: its message in the API server's words and where it points. */
export interface FieldError {
  pointer: string;
  message: string;
}
