// A field path as k8s.io/apimachinery/pkg/util/validation/field.Path builds it:
// `NewPath("spec").Child("containers").Index(0).Child("image")` prints
// `spec.containers[0].image`; `Key("app")` prints `[app]`. It also knows the
// JSON pointer of the same place, so a finding can point at its line.
import { toPointer, type PathSegment } from "../../util/pointer.js";
import { appendAll } from "../../util/append.js";

/** What a step of a path is: a named field, a list item, a map entry, or an embedded struct's field. */
const StepKind = { Name: 0, Index: 1, Key: 2, Embedded: 3 } as const;
type StepKind = (typeof StepKind)[keyof typeof StepKind];

/**
 * Each step is one object holding its parent (no separate step record, no
 * list of names): validation builds a path for every field it visits and
 * prints very few of them.
 */
export class FieldPath {
  private constructor(
    private readonly parent: FieldPath | undefined,
    private readonly kind: StepKind,
    /** The field's name, the map key, or the embedded field's name; "" for a list item. */
    private readonly text: string,
    /** The list item's index; 0 for other steps. */
    private readonly item: number,
    /** Where a named field sits in the manifest when that differs from its name (see childAs). */
    private readonly at: readonly PathSegment[] | undefined,
  ) {}

  /** field.NewPath (named parameters, not a rest list: no array is made for each path). */
  static root(name: string, second?: string, third?: string, fourth?: string): FieldPath {
    const path = new FieldPath(undefined, StepKind.Name, name, 0, undefined);
    return second === undefined ? path : path.child(second, third, fourth);
  }

  /** field.Path.Child: one to three named fields. */
  child(name: string, second?: string, third?: string): FieldPath {
    let path = new FieldPath(this, StepKind.Name, name, 0, undefined);
    if (second !== undefined) path = new FieldPath(path, StepKind.Name, second, 0, undefined);
    if (third !== undefined) path = new FieldPath(path, StepKind.Name, third, 0, undefined);
    return path;
  }

  /**
   * A named field the API server reads from another place of the manifest:
   * it prints `name`, and its pointer leads to `at` (none: the parent's own
   * place). A CRD's schema shared by all versions is `spec.validation` to the
   * API server and `spec.versions[0].schema` in the manifest.
   */
  childAs(name: string, ...at: PathSegment[]): FieldPath {
    return new FieldPath(this, StepKind.Name, name, 0, at);
  }

  /** field.Path.Index: a list item. */
  index(index: number): FieldPath {
    return new FieldPath(this, StepKind.Index, "", index, undefined);
  }

  /** field.Path.Key: a map entry. */
  key(key: string): FieldPath {
    return new FieldPath(this, StepKind.Key, key, 0, undefined);
  }

  /**
   * A JSON field that upstream's path leaves out: a struct embedded in Go, such
   * as a pod template's ObjectMeta (`spec.template.labels` is at
   * `spec.template.metadata.labels`). It is in the pointer, not in the text.
   */
  embedded(name: string): FieldPath {
    return new FieldPath(this, StepKind.Embedded, name, 0, undefined);
  }

  /** The steps from the root, outermost first. */
  private steps(): FieldPath[] {
    const out: FieldPath[] = [];
    for (let path: FieldPath | undefined = this; path; path = path.parent) out.push(path);
    return out.reverse();
  }

  /** field.Path.String. */
  toString(): string {
    let out = "";
    for (const step of this.steps()) {
      if (step.kind === StepKind.Name) out += out === "" ? step.text : "." + step.text;
      else if (step.kind === StepKind.Index) out += `[${step.item}]`;
      else if (step.kind === StepKind.Key) out += `[${step.text}]`;
    }
    return out;
  }

  /** The JSON segments of the same place in the object. */
  segments(): PathSegment[] {
    const out: PathSegment[] = [];
    for (const step of this.steps()) {
      if (step.kind === StepKind.Name) {
        // NewPath("") names the whole object.
        if (step.text === "") continue;
        if (step.at) appendAll(out, step.at);
        else out.push(step.text);
      } else out.push(step.kind === StepKind.Index ? step.item : step.text);
    }
    return out;
  }

  /** The JSON pointer of the same place in the object. */
  pointer(): string {
    return toPointer(this.segments());
  }
}
