// What kubectl 1.35 generates, compared byte for byte: each case is a command
// line and what `kubectl <command> --dry-run=client -o yaml` prints for it
// (observed with kubectl 1.35.2). `expose` reads its object from the fixture.
import { describe, expect, it } from "vitest";
import { loadClusterSnapshot } from "../../src/cluster/snapshot.js";
import { runCommands } from "../../src/whatif/index.js";

const { snapshot } = loadClusterSnapshot([new URL("fixtures/expose.yaml", import.meta.url).pathname]);

/** The command with `--dry-run=client -o yaml` before any `--`, as a user types it. */
function printed(command: string[]): string {
  const dash = command.includes("--") ? command.indexOf("--") : command.length;
  const words = [...command.slice(0, dash), "--dry-run=client", "-o", "yaml", ...command.slice(dash)];
  const [report] = runCommands(snapshot, [words], { showSecrets: true }).commands;
  return report!.error ?? report!.output.join("\n") + "\n";
}

const CASES: Array<[string[], string]> = [
  [
    ["run","nginx","--image=nginx"],
    `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
  ],
  [
    ["run","nginx","--image=nginx","--port=80","--expose"],
    `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: nginx
status:
  loadBalancer: {}
---
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
  ],
  [
    ["run","web","--image=nginx:1.27","-l","app=web,tier=fe","--env=A=1","--env=B=two","--annotations=team=shop","--restart=Never","--image-pull-policy=IfNotPresent","-n","shop"],
    `apiVersion: v1
kind: Pod
metadata:
  annotations:
    team: shop
  labels:
    app: web
    tier: fe
  name: web
  namespace: shop
spec:
  containers:
  - env:
    - name: A
      value: "1"
    - name: B
      value: two
    image: nginx:1.27
    imagePullPolicy: IfNotPresent
    name: web
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`,
  ],
  [
    ["run","bb","--image=busybox","--command","--","sleep","3600"],
    `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: bb
  name: bb
spec:
  containers:
  - command:
    - sleep
    - "3600"
    image: busybox
    name: bb
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
  ],
  [
    ["run","bb","--image=busybox","--","echo","hi"],
    `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: bb
  name: bb
spec:
  containers:
  - args:
    - echo
    - hi
    image: busybox
    name: bb
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
  ],
  [
    ["run","p","--image=nginx","--privileged","--port=8080"],
    `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: p
  name: p
spec:
  containers:
  - image: nginx
    name: p
    ports:
    - containerPort: 8080
    resources: {}
    securityContext:
      privileged: true
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
  ],
  [
    ["create","deployment","deploy-nginx","--image=nginx"],
    `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: deploy-nginx
  name: deploy-nginx
spec:
  replicas: 1
  selector:
    matchLabels:
      app: deploy-nginx
  strategy: {}
  template:
    metadata:
      labels:
        app: deploy-nginx
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`,
  ],
  [
    ["create","deployment","web","--image=nginx","--image=redis:7","--replicas=3","--port=8080","-n","shop"],
    `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 8080
        resources: {}
      - image: redis:7
        name: redis
        resources: {}
status: {}
`,
  ],
  [
    ["create","deployment","d","--image=busybox","--","sleep","1"],
    `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: d
  name: d
spec:
  replicas: 1
  selector:
    matchLabels:
      app: d
  strategy: {}
  template:
    metadata:
      labels:
        app: d
    spec:
      containers:
      - command:
        - sleep
        - "1"
        image: busybox
        name: busybox
        resources: {}
status: {}
`,
  ],
  [
    ["create","job","j","--image=busybox","--","echo","hi"],
    `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  template:
    metadata: {}
    spec:
      containers:
      - command:
        - echo
        - hi
        image: busybox
        name: j
        resources: {}
      restartPolicy: Never
status: {}
`,
  ],
  [
    ["create","cronjob","cj","--image=busybox","--schedule=*/1 * * * *","--","date"],
    `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
spec:
  jobTemplate:
    metadata:
      name: cj
    spec:
      template:
        metadata: {}
        spec:
          containers:
          - command:
            - date
            image: busybox
            name: cj
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`,
  ],
  [
    ["create","service","clusterip","web","--tcp=80:8080","--tcp=443"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  - name: "443"
    port: 443
    protocol: TCP
    targetPort: 443
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}
`,
  ],
  [
    ["create","service","nodeport","web","--tcp=80:8080","--node-port=30080"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    nodePort: 30080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`,
  ],
  [
    ["create","service","loadbalancer","lb","--tcp=80"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: lb
  name: lb
spec:
  ports:
  - name: "80"
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: lb
  type: LoadBalancer
status:
  loadBalancer: {}
`,
  ],
  [
    ["create","service","externalname","ext","--external-name=example.com"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: ext
  name: ext
spec:
  externalName: example.com
  selector:
    app: ext
  type: ExternalName
status:
  loadBalancer: {}
`,
  ],
  [
    ["create","service","clusterip","headless","--clusterip=None"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: headless
  name: headless
spec:
  clusterIP: None
  selector:
    app: headless
  type: ClusterIP
status:
  loadBalancer: {}
`,
  ],
  [
    ["create","configmap","cm","--from-literal=a=1","--from-literal=b=yes","--from-literal=c=hello_world"],
    `apiVersion: v1
data:
  a: "1"
  b: "yes"
  c: hello_world
kind: ConfigMap
metadata:
  name: cm
`,
  ],
  [
    ["create","secret","generic","s","--from-literal=password=hunter2","--type=Opaque"],
    `apiVersion: v1
data:
  password: aHVudGVyMg==
kind: Secret
metadata:
  name: s
type: Opaque
`,
  ],
  [
    ["create","namespace","team"],
    `apiVersion: v1
kind: Namespace
metadata:
  name: team
spec: {}
status: {}
`,
  ],
  [
    ["create","serviceaccount","sa","-n","shop"],
    `apiVersion: v1
kind: ServiceAccount
metadata:
  name: sa
  namespace: shop
`,
  ],
  [
    ["create","quota","q","--hard=cpu=1,memory=1G,pods=2","--scopes=BestEffort"],
    `apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
spec:
  hard:
    cpu: "1"
    memory: 1G
    pods: "2"
  scopes:
  - BestEffort
status: {}
`,
  ],
  [
    ["create","priorityclass","high","--value=1000","--description=high"],
    `apiVersion: scheduling.k8s.io/v1
description: high
kind: PriorityClass
metadata:
  name: high
preemptionPolicy: PreemptLowerPriority
value: 1000
`,
  ],
  [
    ["create","pdb","web","--selector=app=web","--min-available=1"],
    `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
  ],
  [
    ["create","pdb","web","--selector=app=web,tier in (fe)","--max-unavailable=50%"],
    `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 50%
  selector:
    matchExpressions:
    - key: tier
      operator: In
      values:
      - fe
    matchLabels:
      app: web
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
  ],
  [
    ["expose","pod","nginx","--type=NodePort","--port=80"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: nginx
  type: NodePort
status:
  loadBalancer: {}
`,
  ],
  [
    ["expose","deployment","deploy-nginx","--type=LoadBalancer","--port=80"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: deploy-nginx
  name: deploy-nginx
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: deploy-nginx
  type: LoadBalancer
status:
  loadBalancer: {}
`,
  ],
  [
    ["expose","deployment","dns"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: dns
    tier: infra
  name: dns
spec:
  ports:
  - name: port-1-udp
    port: 53
    protocol: UDP
    targetPort: 53
  - name: port-1-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  - name: port-2
    port: 9153
    protocol: TCP
    targetPort: 9153
  selector:
    app: dns
status:
  loadBalancer: {}
`,
  ],
  [
    ["expose","deployment","dns","--port=53","--target-port=dns","--name=dns-svc","--protocol=UDP"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: dns
    tier: infra
  name: dns-svc
spec:
  ports:
  - port: 53
    protocol: UDP
    targetPort: dns
  selector:
    app: dns
status:
  loadBalancer: {}
`,
  ],
  [
    ["expose","deployment/dns","--port=80","--type=NodePort","--session-affinity=ClientIP","-n","default"],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: dns
    tier: infra
  name: dns
  namespace: default
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: dns
  sessionAffinity: ClientIP
  type: NodePort
status:
  loadBalancer: {}
`,
  ],
];

describe("kubectl generators, as kubectl 1.35 prints them", () => {
  it.each(CASES)("kubectl %j", (command, expected) => {
    expect(printed(command)).toBe(expected);
  });
});
