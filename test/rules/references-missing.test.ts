import { describe, expect, it } from "vitest";
import { referencesMissing } from "../../src/rules/references/missing.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...specLines.map((l) => "  " + l));
const configMap = (name: string, data = "{key: v}") => yaml("---", "apiVersion: v1", "kind: ConfigMap", `metadata: {name: ${name}}`, `data: ${data}`);
const secret = (name: string) => yaml("---", "apiVersion: v1", "kind: Secret", `metadata: {name: ${name}}`, "data: {a: eA==}", "stringData: {b: x}");

describe("references/missing", () => {
  it.each([
    ["env from an existing ConfigMap key", pod("containers:", "- name: app", "  env: [{name: A, valueFrom: {configMapKeyRef: {name: cfg, key: key}}}]") + configMap("cfg")],
    ["a Secret key from stringData", pod("containers:", "- name: app", "  env: [{name: A, valueFrom: {secretKeyRef: {name: s, key: b}}}]") + secret("s")],
    ["optional references", pod("containers:", "- name: app", "  envFrom: [{configMapRef: {name: nope, optional: true}}]", "  env: [{name: A, valueFrom: {secretKeyRef: {name: s, key: zzz, optional: true}}}]", "volumes: [{name: v, secret: {secretName: none, optional: true}}]") + secret("s")],
    ["the default ServiceAccount and the root CA ConfigMap", pod("serviceAccountName: default", "volumes: [{name: ca, configMap: {name: kube-root-ca.crt}}]")],
    [
      "PVCs a StatefulSet creates",
      pod("volumes: [{name: d, persistentVolumeClaim: {claimName: data-db-2}}]") +
        yaml("---", "apiVersion: apps/v1", "kind: StatefulSet", "metadata: {name: db}", "spec:", "  replicas: 3", "  volumeClaimTemplates: [{metadata: {name: data}}]"),
    ],
    ["objects of the cluster snapshot", pod("serviceAccountName: builder", "imagePullSecrets: [{name: registry}]")],
    [
      "an Ingress to an existing Service port, by number and by name",
      yaml("apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata: {name: i}", "spec:", "  defaultBackend: {service: {name: web, port: {name: http}}}", "  rules:", "  - http:", "      paths:", "      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}") +
        yaml("---", "apiVersion: v1", "kind: Service", "metadata: {name: web}", "spec: {ports: [{name: http, port: 80}]}"),
    ],
    ["a StatefulSet and its governing Service", yaml("apiVersion: apps/v1", "kind: StatefulSet", "metadata: {name: db}", "spec: {serviceName: db}", "---", "apiVersion: v1", "kind: Service", "metadata: {name: db}")],
    ["an HPA of an existing Deployment", yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}}", "---", "apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web}")],
    ["bindings to built-in roles", yaml("apiVersion: rbac.authorization.k8s.io/v1", "kind: ClusterRoleBinding", "metadata: {name: b}", "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:auth-delegator}", "---", "apiVersion: rbac.authorization.k8s.io/v1", "kind: RoleBinding", "metadata: {name: r, namespace: kube-system}", "roleRef: {kind: Role, name: extension-apiserver-authentication-reader}", "---", "apiVersion: rbac.authorization.k8s.io/v1", "kind: RoleBinding", "metadata: {name: v}", "roleRef: {kind: ClusterRole, name: view}")],
  ])("accepts %s", (name, text) => {
    const cluster = name.includes("cluster")
      ? yaml("apiVersion: v1", "kind: ServiceAccount", "metadata: {name: builder}", "---", "apiVersion: v1", "kind: Secret", "metadata: {name: registry}")
      : undefined;
    expect(runRule(referencesMissing, text, { cluster })).toEqual([]);
  });

  it.each([
    [
      "env from a ConfigMap that does not exist",
      pod("containers:", "- name: app", "  env:", "  - name: A", "    valueFrom:", "      configMapKeyRef: {name: app-confg, key: x}") + configMap("app-config"),
      [{
        severity: "warning", line: 10, column: 33, suggestion: "app-config",
        message: 'spec.containers[0].env[0].valueFrom.configMapKeyRef.name: configmap "app-confg" not found in namespace "default" (in the inputs); the container will not start (CreateContainerConfigError) until it exists',
      }],
    ],
    [
      "a key the ConfigMap does not have",
      pod("containers:", "- name: app", "  env:", "  - name: A", "    valueFrom:", "      configMapKeyRef: {name: cfg, key: kee}") + configMap("cfg"),
      [{ severity: "warning", line: 10, column: 43, suggestion: "key", message: 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key: "kee" not found in ConfigMap "cfg"; the container will not start (CreateContainerConfigError)' }],
    ],
    [
      "envFrom a missing Secret",
      pod("containers:", "- name: app", "  envFrom:", "  - secretRef: {name: db}"),
      [{ severity: "warning", line: 8, column: 25, message: 'spec.containers[0].envFrom[0].secretRef.name: secret "db" not found in namespace "default" (in the inputs); the container will not start (CreateContainerConfigError) until it exists' }],
    ],
    [
      "volumes of missing objects and a missing item key",
      pod("volumes:", "- name: a", "  secret: {secretName: tls}", "- name: b", "  persistentVolumeClaim: {claimName: data}", "- name: c", "  projected:", "    sources:", "    - configMap: {name: cfg, items: [{key: nope, path: p}]}") + configMap("cfg"),
      [
        { severity: "warning", line: 7, column: 26, message: 'spec.volumes[0].secret.secretName: secret "tls" not found in namespace "default" (in the inputs); the pod will not start (FailedMount) until it exists' },
        { severity: "warning", line: 9, column: 40, message: 'spec.volumes[1].persistentVolumeClaim.claimName: persistentvolumeclaim "data" not found in namespace "default" (in the inputs); the pod will stay Pending until it exists' },
        { severity: "warning", line: 13, column: 46, message: 'spec.volumes[2].projected.sources[0].configMap.items[0].key: "nope" not found in ConfigMap "cfg"; the pod will not start (FailedMount)' },
      ],
    ],
    [
      "a missing ServiceAccount and image pull secret in a Deployment of another namespace",
      yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web, namespace: shop}", "spec:", "  template:", "    spec:", "      serviceAccountName: web", "      imagePullSecrets:", "      - name: regcred"),
      [
        { severity: "warning", line: 7, column: 27, message: 'spec.template.spec.serviceAccountName: serviceaccount "web" not found in namespace "shop" (in the inputs); the ServiceAccount admission refuses the pods until it exists' },
        { severity: "warning", line: 9, column: 15, message: 'spec.template.spec.imagePullSecrets[0].name: secret "regcred" not found in namespace "shop" (in the inputs); images from a private registry will fail to pull' },
      ],
    ],
    [
      "an Ingress backend Service that does not exist, and a port another Service lacks",
      yaml("apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata: {name: i}", "spec:", "  rules:", "  - http:", "      paths:", "      - backend:", "          service: {name: api, port: {number: 80}}", "      - backend:", "          service: {name: web, port: {number: 8080}}") +
        yaml("---", "apiVersion: v1", "kind: Service", "metadata: {name: web}", "spec: {ports: [{name: http, port: 80}]}"),
      [
        { severity: "warning", line: 9, column: 27, message: 'spec.rules[0].http.paths[0].backend.service.name: service "api" not found in namespace "default" (in the inputs); requests routed to this backend will fail' },
        { severity: "warning", line: 11, column: 47, message: 'spec.rules[0].http.paths[1].backend.service.port.number: service "web" has no port 8080 (its ports: http=80)' },
      ],
    ],
    [
      "an HPA of a missing Deployment",
      yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec:", "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}"),
      [{ severity: "warning", line: 5, column: 65, message: 'spec.scaleTargetRef.name: deployment.apps "web" not found in namespace "default" (in the inputs); the HorizontalPodAutoscaler has nothing to scale' }],
    ],
    [
      "a StatefulSet's missing governing Service",
      yaml("apiVersion: apps/v1", "kind: StatefulSet", "metadata: {name: db}", "spec:", "  serviceName: db-headles", "---", "apiVersion: v1", "kind: Service", "metadata: {name: db-headless}"),
      [{ severity: "warning", line: 5, column: 16, suggestion: "db-headless", message: 'spec.serviceName: service "db-headles" not found in namespace "default" (in the inputs); the pods get no stable DNS names (<pod>.db-headles) until it exists' }],
    ],
    [
      "role bindings to missing roles",
      yaml("apiVersion: rbac.authorization.k8s.io/v1", "kind: RoleBinding", "metadata: {name: r}", "roleRef: {kind: Role, name: reader}", "---", "apiVersion: rbac.authorization.k8s.io/v1", "kind: ClusterRoleBinding", "metadata: {name: c}", "roleRef: {kind: ClusterRole, name: readers}", "---", "apiVersion: rbac.authorization.k8s.io/v1", "kind: ClusterRole", "metadata: {name: reader}"),
      [
        { severity: "warning", line: 4, column: 29, message: 'roleRef.name: role.rbac.authorization.k8s.io "reader" not found in namespace "default" (in the inputs); the binding grants nothing until it exists' },
        { severity: "warning", line: 9, column: 36, suggestion: "reader", message: 'roleRef.name: clusterrole.rbac.authorization.k8s.io "readers" not found (in the inputs); the binding grants nothing until it exists' },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(referencesMissing, text))).toEqual(expected);
  });

  it("says the cluster was searched when there is a snapshot", () => {
    const cluster = yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: other}");
    expect(runRule(referencesMissing, pod("volumes: [{name: v, configMap: {name: cfg}}]"), { cluster }).map((f) => f.message)).toEqual([
      'spec.volumes[0].configMap.name: configmap "cfg" not found in namespace "default" (in neither the inputs nor the cluster); the pod will not start (FailedMount) until it exists',
    ]);
  });
});
