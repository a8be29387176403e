// ServiceAccount (plugin/pkg/admission/serviceaccount): a pod runs as `default`
// unless it names another account, which must exist in its namespace.
import type { KubeObject } from "../../types.js";
import { recordOf, recordsOf, stringOf } from "../../util/object-access.js";
import type { PlanState } from "../state.js";

const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

/** Mutates the pod; returns the refusal reason when the account does not exist. */
export function admitServiceAccount(state: PlanState, pod: KubeObject, namespace: string): string | undefined {
  if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return undefined;
  const spec = recordOf(pod.spec);
  // The deprecated `serviceAccount` field is an alias of serviceAccountName.
  const name = stringOf(spec.serviceAccountName) || stringOf(spec.serviceAccount) || "default";
  spec.serviceAccountName = name;
  // The service account controller creates `default` in every namespace.
  if (name === "default") return undefined;
  if (!state.hasServiceAccount(namespace, name)) {
    if (!state.snapshot.present || state.snapshot.serviceAccounts.length === 0) return undefined;
    return `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`;
  }
  const account = state.snapshot.get("ServiceAccount", namespace, name);
  if (account && recordsOf(spec.imagePullSecrets).length === 0) {
    const secrets = recordsOf(account.imagePullSecrets).map((s) => ({ name: s.name }));
    if (secrets.length > 0) spec.imagePullSecrets = secrets;
  }
  return undefined;
}
