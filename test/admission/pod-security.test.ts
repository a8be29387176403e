// PodSecurity: each check of the baseline and restricted levels, the modes
// (enforce, warn, audit), versions, workloads and namespace updates.
import { describe, expect, it } from "vitest";
import { ns, plan } from "./plan.js";

function pod(spec: string, labels: Record<string, string>, options: { version?: string; metadata?: string } = {}) {
  const text = `${ns("psa", labels)}apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: psa${options.metadata ?? ""}
spec:
${spec}
`;
  return plan(text, { version: options.version ?? "1.36" });
}

const enforce = (level: string, version?: string) => ({
  "pod-security.kubernetes.io/enforce": level,
  ...(version ? { "pod-security.kubernetes.io/enforce-version": version } : {}),
});

function denial(spec: string, labels: Record<string, string>, options: { version?: string; metadata?: string } = {}): string | undefined {
  return pod(spec, labels, options).result.pods[0]!.denial?.message;
}

const plain = "  containers:\n    - {name: app, image: nginx:1.27}";
const hardened = `  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}`;

describe("baseline checks", () => {
  const cases: { check: string; spec: string; metadata?: string; detail: string }[] = [
    { check: "privileged", spec: "  containers:\n    - {name: app, image: x, securityContext: {privileged: true}}", detail: 'privileged (container "app" must not set securityContext.privileged=true)' },
    { check: "host namespaces", spec: `  hostPID: true\n  hostIPC: true\n${plain}`, detail: "host namespaces (hostPID=true, hostIPC=true)" },
    {
      check: "host ports",
      spec: "  containers:\n    - {name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]}\n    - {name: b, image: x, ports: [{containerPort: 443, hostPort: 443}]}",
      detail: 'hostPort (containers "a", "b" use hostPorts 443, 8080)',
    },
    { check: "hostPath volumes", spec: `  volumes: [{name: host, hostPath: {path: /var/log}}]\n${plain}`, detail: 'hostPath volumes (volume "host")' },
    {
      check: "capabilities",
      spec: "  containers:\n    - {name: app, image: x, securityContext: {capabilities: {add: [SYS_TIME, NET_ADMIN, CHOWN]}}}",
      detail: 'non-default capabilities (container "app" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add)',
    },
    {
      check: "seccomp",
      spec: `  securityContext: {seccompProfile: {type: Unconfined}}\n${plain}`,
      detail: 'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
    },
    {
      check: "SELinux",
      spec: "  containers:\n    - {name: app, image: x, securityContext: {seLinuxOptions: {type: spc_t, user: system_u}}}",
      detail: 'seLinuxOptions (container "app" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set)',
    },
    {
      check: "proc mount",
      spec: "  containers:\n    - {name: app, image: x, securityContext: {procMount: Unmasked}}",
      detail: 'procMount (container "app" must not set securityContext.procMount to "Unmasked")',
    },
    {
      check: "sysctls",
      spec: `  securityContext: {sysctls: [{name: kernel.msgmax, value: "65536"}, {name: net.ipv4.tcp_syncookies, value: "1"}]}\n${plain}`,
      detail: "forbidden sysctls (kernel.msgmax)",
    },
    {
      check: "AppArmor field",
      spec: "  containers:\n    - {name: app, image: x, securityContext: {appArmorProfile: {type: Unconfined}}}",
      detail: 'forbidden AppArmor profile (container "app" must not set AppArmor profile type to "Unconfined")',
    },
    {
      // The Pod strategy copies the annotation into the field before admission: both are seen.
      check: "AppArmor annotation",
      spec: plain,
      metadata: "\n  annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}",
      detail: 'forbidden AppArmor profiles (container "app" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/app="unconfined"")',
    },
    {
      check: "Windows host process",
      spec: `  securityContext: {windowsOptions: {hostProcess: true}}\n${plain}`,
      detail: "hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)",
    },
    {
      check: "probe host",
      spec: "  containers:\n    - {name: app, image: x, livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}}",
      detail: 'probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")',
    },
  ];
  it.each(cases)("$check", ({ spec, metadata, detail }) => {
    expect(denial(spec, enforce("baseline"), metadata ? { metadata } : {})).toBe(`pods "p" is forbidden: violates PodSecurity "baseline:latest": ${detail}`);
  });

  it("admits a plain pod", () => {
    expect(denial(plain, enforce("baseline"))).toBeUndefined();
  });

  it("joins several failed checks in upstream's order", () => {
    const spec = `  hostNetwork: true\n  volumes: [{name: host, hostPath: {path: /}}]\n  containers:\n    - {name: app, image: x, securityContext: {privileged: true}}`;
    expect(denial(spec, enforce("baseline"))).toBe(
      'pods "p" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPath volumes (volume "host"), privileged (container "app" must not set securityContext.privileged=true)',
    );
  });
});

describe("restricted checks", () => {
  const cases: { check: string; spec: string; detail: string }[] = [
    {
      check: "a plain pod",
      spec: plain,
      detail:
        'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    },
    { check: "runAsUser 0", spec: hardened.replace("runAsNonRoot: true,", "runAsNonRoot: true, runAsUser: 0,"), detail: "runAsUser=0 (pod must not set runAsUser=0)" },
    { check: "runAsNonRoot false", spec: hardened.replace("runAsNonRoot: true", "runAsNonRoot: false"), detail: "runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)" },
    {
      check: "restricted volume types (hostPath included)",
      spec: `${hardened}\n  volumes: [{name: b, nfs: {server: s, path: /}}, {name: a, hostPath: {path: /}}, {name: ok, emptyDir: {}}]`,
      detail: 'restricted volume types (volumes "b", "a" use restricted volume types "hostPath", "nfs")',
    },
    {
      check: "added capabilities",
      spec: hardened.replace("drop: [ALL]", "drop: [ALL], add: [NET_BIND_SERVICE, SYS_ADMIN]"),
      detail: 'unrestricted capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
    },
    {
      check: "seccomp of a container",
      spec: hardened.replace("capabilities: {drop: [ALL]}", "capabilities: {drop: [ALL]}, seccompProfile: {type: Unconfined}"),
      detail: 'seccompProfile (container "app" must not set securityContext.seccompProfile.type to "Unconfined")',
    },
  ];
  it.each(cases)("$check", ({ spec, detail }) => {
    expect(denial(spec, enforce("restricted"))).toBe(`pods "p" is forbidden: violates PodSecurity "restricted:latest": ${detail}`);
  });

  it("admits a hardened pod", () => {
    expect(denial(hardened, enforce("restricted"))).toBeUndefined();
  });
});

describe("policy versions", () => {
  const keepalive = `  securityContext: {sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "60"}]}\n${plain}`;
  it("uses the checks of the pinned version", () => {
    expect(denial(keepalive, enforce("baseline", "v1.28"))).toBe('pods "p" is forbidden: violates PodSecurity "baseline:v1.28": forbidden sysctls (net.ipv4.tcp_keepalive_time)');
    expect(denial(keepalive, enforce("baseline", "v1.29"))).toBeUndefined();
  });

  it("reads latest as the target release", () => {
    expect(denial(keepalive, enforce("baseline"), { version: "1.28" })).toBe('pods "p" is forbidden: violates PodSecurity "baseline:latest": forbidden sysctls (net.ipv4.tcp_keepalive_time)');
    const engine = "  containers:\n    - {name: app, image: x, securityContext: {seLinuxOptions: {type: container_engine_t}}}";
    expect(denial(engine, enforce("baseline"), { version: "1.30" })).toMatch(/type "container_engine_t"/);
    expect(denial(engine, enforce("baseline"), { version: "1.31" })).toBeUndefined();
    const probe = "  containers:\n    - {name: app, image: x, readinessProbe: {tcpSocket: {host: db, port: 5432}}}";
    expect(denial(probe, enforce("baseline"), { version: "1.33" })).toBeUndefined();
  });

  it("leaves out checks newer than the pinned version", () => {
    const spec = `  securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
  containers:
    - {name: app, image: x, securityContext: {allowPrivilegeEscalation: false}}`;
    expect(denial(spec, enforce("restricted", "v1.21"))).toBeUndefined();
    expect(denial(spec, enforce("restricted", "v1.23"))).toBe(
      'pods "p" is forbidden: violates PodSecurity "restricted:v1.23": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsUser=0 (pod must not set runAsUser=0)',
    );
  });

  it("enforces restricted when the enforce label is not a level", () => {
    expect(denial(plain, enforce("strict"))).toMatch(/^pods "p" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation/);
  });
});

describe("user namespaces (hostUsers: false)", () => {
  const unmasked = "  hostUsers: false\n  containers:\n    - {name: app, image: x, securityContext: {procMount: Unmasked}}";
  const userNamespaced = hardened.replace("  securityContext: {runAsNonRoot: true,", "  hostUsers: false\n  securityContext: {");

  it("lets baseline unmask /proc from policy 1.35", () => {
    expect(denial(unmasked, enforce("baseline"))).toBeUndefined();
    expect(denial(unmasked, enforce("baseline", "v1.34"))).toBe('pods "p" is forbidden: violates PodSecurity "baseline:v1.34": procMount (container "app" must not set securityContext.procMount to "Unmasked")');
  });

  it("keeps /proc masked under restricted (procMount_restricted)", () => {
    expect(denial(unmasked.replace("procMount: Unmasked", "procMount: Unmasked, allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}"), enforce("restricted"))).toBe(
      'pods "p" is forbidden: violates PodSecurity "restricted:latest": procMount (container "app" must not set securityContext.procMount to "Unmasked")',
    );
  });

  it("does not require runAsNonRoot from policy 1.35", () => {
    expect(denial(userNamespaced, enforce("restricted"))).toBeUndefined();
    expect(denial(userNamespaced, enforce("restricted", "v1.34"))).toBe(
      'pods "p" is forbidden: violates PodSecurity "restricted:v1.34": runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)',
    );
  });
});

describe("the pod PodSecurity sees", () => {
  it("is the stored pod: a volume without a source is an emptyDir", () => {
    expect(denial(`${hardened}\n  volumes: [{name: scratch}]`, enforce("restricted"))).toBeUndefined();
  });
});

describe("modes", () => {
  it("warns without denying under warn", () => {
    const { result } = pod(plain, { "pod-security.kubernetes.io/warn": "baseline" });
    expect(result.findings).toEqual([]);
    const warned = pod("  containers:\n    - {name: app, image: x, securityContext: {privileged: true}}", { "pod-security.kubernetes.io/warn": "baseline" }).result;
    expect(warned.pods[0]!.admitted).toBe(true);
    expect(warned.findings.map((f) => [f.severity, f.rule, f.message])).toEqual([
      ["warning", "admission/PodSecurity", 'would violate PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)'],
    ]);
  });

  it("records an audit violation as information", () => {
    const { result } = pod(plain, { "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/audit-version": "v1.30" });
    expect(result.findings.map((f) => [f.severity, f.message.slice(0, 93)])).toEqual([
      ["info", 'pod-security.kubernetes.io/audit-violations: would violate PodSecurity "restricted:v1.30": al'],
    ]);
  });

  it("gives no warning with a denial", () => {
    const { result } = pod(plain, { ...enforce("restricted"), "pod-security.kubernetes.io/warn": "restricted" });
    expect(result.findings.map((f) => f.severity)).toEqual(["error"]);
  });

  it("warns about a workload's template and denies its pods (warn follows a stricter enforce level)", () => {
    const text = `${ns("psa", enforce("restricted"))}apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: psa}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: app, image: nginx:1.27}
`;
    const { result } = plan(text);
    const detail = result.pods[0]!.denial!.message.replace(/^pods "web-[^"]+" is forbidden: violates /, "");
    expect(result.findings.map((f) => [f.severity, f.line, f.path])).toEqual([
      ["warning", 15, "/spec/template"],
      ["error", 17, "/spec/template/spec"],
    ]);
    expect(result.findings[0]!.message).toBe(`would violate ${detail}`);
    expect(result.findings[1]!.message).toMatch(/\(Deployment web: 0 of 2 new pods admitted\)$/);
  });
});

describe("workload templates", () => {
  it("are checked with host network ports defaulted to host ports, as the API server defaults templates", () => {
    const text = `${ns("psa", { "pod-security.kubernetes.io/warn": "baseline" })}apiVersion: apps/v1
kind: DaemonSet
metadata: {name: exporter, namespace: psa}
spec:
  selector: {matchLabels: {app: exporter}}
  template:
    metadata: {labels: {app: exporter}}
    spec:
      hostNetwork: true
      containers: [{name: exporter, image: x, ports: [{containerPort: 9100}]}]
`;
    expect(plan(text).result.findings.map((f) => f.message)).toEqual([
      'would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPort (container "exporter" uses hostPort 9100)',
    ]);
  });
});

describe("namespace labels", () => {
  it("apply to a pod that comes before its namespace in the plan", () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: late}\nspec: {containers: [{name: app, image: x}]}\n---\n${ns("late", enforce("restricted"))}`;
    expect(plan(text).result.pods[0]!.denial?.plugin).toBe("PodSecurity");
  });
});

describe("a namespace update that tightens enforcement", () => {
  it("warns about existing pods the new level would deny", () => {
    const cluster = `
apiVersion: v1
kind: Namespace
metadata: {name: psa}
---
${["a", "b", "c"].map((name) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: psa}
spec: {nodeName: n1, containers: [{name: app, image: x, securityContext: {privileged: ${name !== "c"}}}]}
---`).join("\n")}
`;
    const { result } = plan(ns("psa", enforce("baseline")).replace(/---\n$/, ""), { cluster });
    expect(result.findings.map((f) => f.message)).toEqual([
      'existing pods in namespace "psa" violate the new PodSecurity enforce level "baseline:latest"',
      "a (and 1 other pod): privileged",
    ]);
  });
});
