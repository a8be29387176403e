// A field path as k8s.io/apimachinery/pkg/util/validation/field.Path builds it:
// `NewPath("spec").Child("containers").Index(0).Child("image")` prints
// `spec.containers[0].image`; `Key("app")` prints `[app]`. It also knows the
// JSON pointer of the same place, so a finding can point at its line.
import { toPointer, type PathSegment } from "../../util/pointer.js";

/** `at`: where a named field sits in the manifest when that differs from its name (see childAs). */
type Step = { name: string; at?: readonly PathSegment[] } | { index: number } | { key: string } | { embedded: string };

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

  /**
   * A named field the API server reads from another place of the manifest:
   * it prints `name`, and its pointer leads to `at` (none: the parent's own
   * place). A CRD's schema shared by all versions is `spec.validation` to the
   * API server and `spec.versions[0].schema` in the manifest.
   */
  childAs(name: string, ...at: PathSegment[]): FieldPath {
    return new FieldPath(this, { name, at });
  }

  /** field.Path.Index: a list item. */
  index(index: number): FieldPath {
    return new FieldPath(this, { index });
  }

  /** field.Path.Key: a map entry. */
  key(key: string): FieldPath {
    return new FieldPath(this, { key });
  }

  /**
   * A JSON field that upstream's path leaves out: a struct embedded in Go, such
   * as a pod template's ObjectMeta (`spec.template.labels` is at
   * `spec.template.metadata.labels`). It is in the pointer, not in the text.
   */
  embedded(name: string): FieldPath {
    return new FieldPath(this, { embedded: name });
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
      else if ("key" in step) out += `[${step.key}]`;
    }
    return out;
  }

  /** The JSON segments of the same place in the object. */
  segments(): PathSegment[] {
    // NewPath("") names the whole object.
    const steps = this.steps().filter((step) => !("name" in step && step.name === ""));
    return steps.flatMap((step) => ("name" in step ? (step.at ?? [step.name]) : "index" in step ? [step.index] : "key" in step ? [step.key] : [step.embedded]));
  }

  /** The JSON pointer of the same place in the object. */
  pointer(): string {
    return toPointer(this.segments());
  }
}
