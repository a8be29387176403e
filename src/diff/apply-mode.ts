// How the manifests are applied, which decides what an apply removes and who
// owns what: `kubectl apply` (client-side, a three-way merge against the last
// applied configuration), server-side apply (field ownership), or `kubectl
// replace` (the whole object).
export type ApplyMode = "client" | "server-side" | "replace";

export const APPLY_MODES: readonly ApplyMode[] = ["client", "server-side", "replace"];

export interface ApplyOptions {
  mode: ApplyMode;
  /** The field manager of the apply; kubectl's own default for the mode when absent. */
  fieldManager?: string;
  /** `--force-conflicts`: a server-side apply takes over fields other managers own. */
  forceConflicts?: boolean;
}

/** kubectl's default field managers: `kubectl apply --server-side` is "kubectl", client-side apply records "kubectl-client-side-apply", `kubectl replace` "kubectl-replace". */
const DEFAULT_FIELD_MANAGER: Readonly<Record<ApplyMode, string>> = {
  client: "kubectl-client-side-apply",
  "server-side": "kubectl",
  replace: "kubectl-replace",
};

export function fieldManagerOf(options: ApplyOptions): string {
  return options.fieldManager || DEFAULT_FIELD_MANAGER[options.mode];
}
