// apiVersions a release still serves but kube-apiserver answers with a
// deprecation warning (those a later release removes come from
// schemas/lifecycle.json instead). Wording follows the server's warning:
// "<apiVersion> <Kind> is deprecated in v1.X+; ...".

export interface DeprecatedApi {
  apiVersion: string;
  kind: string;
  /** First release that warns. */
  since: string;
  advice: string;
  replacement?: string;
  source: string;
}

export const DEPRECATED_APIS: readonly DeprecatedApi[] = [
  {
    apiVersion: "v1",
    kind: "Endpoints",
    since: "1.33",
    advice: "use discovery.k8s.io/v1 EndpointSlice",
    replacement: "discovery.k8s.io/v1",
    // KEP-4974; https://kubernetes.io/blog/2025/04/24/endpoints-deprecation/
    source: "https://kubernetes.io/blog/2025/04/24/endpoints-deprecation/",
  },
  {
    apiVersion: "v1",
    kind: "ComponentStatus",
    since: "1.19",
    advice: "the API server's /livez and /readyz endpoints report component health instead",
    // https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/component-status-v1/
    source: "https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/component-status-v1/",
  },
];
