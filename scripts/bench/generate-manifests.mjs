// Writes a deterministic set of realistic manifests for the validate benchmark:
// apps of a ConfigMap, a Deployment and a Service, 100 documents a file, in 50 namespaces.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  namespace: team-${i % 50}
  labels:
    app.kubernetes.io/name: web-${i}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${1 + (i % 4)}
  selector:
    matchLabels:
      app.kubernetes.io/name: web-${i}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web-${i}
        app.kubernetes.io/part-of: shop
    spec:
      containers:
        - name: app
          image: registry.example.com/team-${i % 50}/web:${i % 7}.${i % 11}.0
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_HOST
              valueFrom:
                configMapKeyRef:
                  name: settings-${i}
                  key: db-host
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 5
`;
}

function service(i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: web-${i}
  namespace: team-${i % 50}
spec:
  selector:
    app.kubernetes.io/name: web-${i}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMap(i) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-${i}
  namespace: team-${i % 50}
data:
  db-host: postgres.team-${i % 50}.svc.cluster.local
  feature-flags: "search,checkout"
`;
}

/** Writes `documents` objects into files of 100 documents under `dir`; returns how many. */
export function generateManifests(dir, documents) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const perFile = 100;
  let written = 0;
  let app = 0;
  for (let file = 0; written < documents; file++) {
    const docs = [];
    while (docs.length < perFile && written + docs.length < documents) {
      // In this order, an app cut by the end of a file still finds its ConfigMap.
      docs.push(configMap(app));
      if (docs.length < perFile && written + docs.length < documents) docs.push(deployment(app));
      if (docs.length < perFile && written + docs.length < documents) docs.push(service(app));
      app++;
    }
    writeFileSync(join(dir, `apps-${String(file).padStart(3, "0")}.yaml`), docs.join("---\n"));
    written += docs.length;
  }
  return written;
}
