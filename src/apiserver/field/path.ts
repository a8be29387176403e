// A field path as k8s.io/apimachinery/pkg/util/validation/field.Path builds it:
// `NewPath("spec").Child("containers").Index(0).Child("image")` prints
// `spec.containers[0].image`; `Key("app")` prints `[app]`. It also knows the
// JSON pointer of the same place, so a finding can point at its line.
import { toPointer, type PathSegment } from "../../util/pointer.js";

type Step = { name: string } | { index: number } | { key: string };

export class FieldPath {
  private constructor(
    private readonly parent: FieldPath | undefined,
    private readonly step: Step,
  ) {}

  /** field.NewPath. */
  static root(name: string, ...more: string[]): FieldPath {
    return new FieldPath(undefined, { name }).child(...more);
  }

  /** field.Path.Child: one or more named fields. */
  child(...names: string[]): FieldPath {
    let path: FieldPath = this;
    for (const name of names) path = new FieldPath(path, { name });
    return path;
  }

  /** field.Path.Index: a list item. */
  index(index: number): FieldPath {
    return new FieldPath(this, { index });
  }

  /** field.Path.Key: a map entry. */
  key(key: string): FieldPath {
    return new FieldPath(this, { key });
  }

  /** The steps from the root, outermost first. */
  private steps(): Step[] {
    const out: Step[] = [];
    for (let path: FieldPath | undefined = this; path; path = path.parent) out.push(path.step);
    return out.reverse();
  }

  /** field.Path.String. */
  toString(): string {
    let out = "";
    for (const step of this.steps()) {
      if ("name" in step) out += out === "" ? step.name : "." + step.name;
      else if ("index" in step) out += `[${step.index}]`;
      else out += `[${step.key}]`;
    }
    return out;
  }

  /** The JSON segments of the same place in the object. */
  segments(): PathSegment[] {
    // NewPath("") names the whole object.
    const steps = this.steps().filter((step) => !("name" in step && step.name === ""));
    return steps.map((step) => ("name" in step ? step.name : "index" in step ? step.index : step.key));
  }

  /** The JSON pointer of the same place in the object. */
  pointer(): string {
    return toPointer(this.segments());
  }
}
