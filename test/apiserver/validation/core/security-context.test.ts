import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...spec.map((line) => "  " + line));
const app = "containers: [{name: app, image: x}]";
/** A Pod whose container `app` has the given securityContext (a flow mapping). */
const containerContext = (context: string, ...spec: string[]) => pod(`containers: [{name: app, image: x, securityContext: ${context}}]`, ...spec);

describe("the pod's security context", () => {
  it.each([
    ["ids in range", pod(app, "securityContext: {runAsUser: 1000, runAsGroup: 0, fsGroup: 2000, supplementalGroups: [3000]}")],
    ["sysctls of the pod's own namespaces", pod(app, "securityContext: {sysctls: [{name: net.ipv4.ip_local_port_range, value: '1024 65535'}, {name: kernel/shm_rmid_forced, value: '1'}]}")],
    ["a localhost seccomp profile", pod(app, "securityContext: {seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}}")],
    ["a Windows pod with Windows options", pod(app, "os: {name: windows}", "securityContext: {windowsOptions: {runAsUserName: 'NT AUTHORITY\\SYSTEM'}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a negative runAsUser", pod(app, "securityContext: {runAsUser: -1}"), ["spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive"]],
    ["a supplemental group too large", pod(app, "securityContext: {supplementalGroups: [2147483648]}"), ["spec.securityContext.supplementalGroups[0]: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive"]],
    ["shareProcessNamespace with hostPID", pod(app, "shareProcessNamespace: true", "hostPID: true"), ["spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled"]],
    [
      "a sysctl name with capitals",
      pod(app, "securityContext: {sysctls: [{name: Net.Core, value: '1'}]}"),
      ["spec.securityContext.sysctls[0].name: Invalid value: \"Net.Core\": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"],
    ],
    ["a sysctl twice", pod(app, "securityContext: {sysctls: [{name: kernel.msgmax, value: '1'}, {name: kernel.msgmax, value: '2'}]}"), ['spec.securityContext.sysctls[1].name: Duplicate value: "kernel.msgmax"']],
    ["a net sysctl with the host's network", pod(app, "hostNetwork: true", "securityContext: {sysctls: [{name: net.core.somaxconn, value: '1024'}]}"), ["spec.securityContext.sysctls[0].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true"]],
    ["an ipc sysctl with the host's IPC", pod(app, "hostIPC: true", "securityContext: {sysctls: [{name: kernel.shmmax, value: '1'}]}"), ["spec.securityContext.sysctls[0].name: Invalid value: \"kernel.shmmax\": may not be specified when 'hostIPC' is true"]],
    ["an unknown fsGroupChangePolicy", pod(app, "securityContext: {fsGroupChangePolicy: Never}"), ['spec.securityContext.fsGroupChangePolicy: Unsupported value: "Never": supported values: "Always", "OnRootMismatch"']],
    ["a seccomp profile without type", pod(app, "securityContext: {seccompProfile: {}}"), ["spec.securityContext.seccompProfile.type: Required value: type is required when seccompProfile is set"]],
    ["a localhost seccomp profile without a path", pod(app, "securityContext: {seccompProfile: {type: Localhost}}"), ["spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost"]],
    ["a localhost seccomp profile with backsteps", pod(app, "securityContext: {seccompProfile: {type: Localhost, localhostProfile: ../x.json}}"), ["spec.securityContext.seccompProfile.localhostProfile: Invalid value: \"../x.json\": must not contain '..'"]],
    [
      "a localhost path with RuntimeDefault",
      pod(app, "securityContext: {seccompProfile: {type: RuntimeDefault, localhostProfile: x.json}}"),
      ['spec.securityContext.seccompProfile.localhostProfile: Invalid value: {"type":"RuntimeDefault","localhostProfile":"x.json"}: can only be set when seccomp type is Localhost'],
    ],
    ["an AppArmor profile without type", pod(app, "securityContext: {appArmorProfile: {}}"), ["spec.securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set"]],
    ["a padded AppArmor localhost profile", pod(app, "securityContext: {appArmorProfile: {type: Localhost, localhostProfile: ' p '}}"), ['spec.securityContext.appArmorProfile.localhostProfile: Invalid value: " p ": must not be padded with whitespace']],
    ["an unknown supplementalGroupsPolicy", pod(app, "securityContext: {supplementalGroupsPolicy: Union}"), ['spec.securityContext.supplementalGroupsPolicy: Unsupported value: "Union": supported values: "Merge", "Strict"']],
    ["a Windows user name with two backslashes", pod(app, "securityContext: {windowsOptions: {runAsUserName: 'a\\b\\c'}}"), ['spec.securityContext.windowsOptions.runAsUserName: Invalid value: "a\\\\b\\\\c": runAsUserName cannot contain more than one backslash']],
    ["Windows options in a Linux pod", pod(app, "os: {name: linux}", "securityContext: {windowsOptions: {runAsUserName: u}}"), ["spec.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod"]],
    ["Linux settings in a Windows pod", pod(app, "os: {name: windows}", "hostPID: true", "securityContext: {runAsUser: 1000}"), ["spec.hostPID: Forbidden: cannot be set for a windows pod", "spec.securityContext.runAsUser: Forbidden: cannot be set for a windows pod"]],
    ["an unknown OS", pod(app, "os: {name: macos}"), ['spec.os: Unsupported value: "macos": supported values: "linux", "windows"']],
    [
      "host-process containers without the host's network",
      pod("containers: [{name: a, image: x, securityContext: {windowsOptions: {hostProcess: true}}}, {name: b, image: x}]"),
      ["spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers", 'spec: Invalid value: "": If pod contains any hostProcess containers then all containers must be HostProcess containers'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("a container's security context", () => {
  it.each([
    ["Unmasked proc mount with a user namespace", containerContext("{procMount: Unmasked}", "hostUsers: false")],
    ["a proc mount before 1.33 (the field is dropped)", containerContext("{procMount: Unmasked}")],
    ["privileged without allowPrivilegeEscalation", containerContext("{privileged: true}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text, _name.includes("before 1.33") ? "1.32" : "1.36")).toEqual([]);
  });

  it.each([
    ["Unmasked proc mount with the host's users", containerContext("{procMount: Unmasked}"), ['spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`']],
    ["an unknown proc mount", containerContext("{procMount: Masked}"), ['spec.containers[0].securityContext.procMount: Unsupported value: "Masked": supported values: "Default", "Unmasked"']],
    ["a runAsGroup out of range", containerContext("{runAsGroup: -5}"), ["spec.containers[0].securityContext.runAsGroup: Invalid value: -5: must be between 0 and 2147483647, inclusive"]],
    [
      "privileged without privilege escalation",
      containerContext("{privileged: true, allowPrivilegeEscalation: false}"),
      ['spec.containers[0].securityContext: Invalid value: {"allowPrivilegeEscalation":false,"privileged":true}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true'],
    ],
    [
      "CAP_SYS_ADMIN without privilege escalation",
      containerContext("{allowPrivilegeEscalation: false, capabilities: {add: [CAP_SYS_ADMIN]}}"),
      ['spec.containers[0].securityContext: Invalid value: {"allowPrivilegeEscalation":false,"capabilities":{"add":["CAP_SYS_ADMIN"]}}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'],
    ],
    ["an unknown AppArmor type", containerContext("{appArmorProfile: {type: Custom}}"), ['spec.containers[0].securityContext.appArmorProfile.type: Unsupported value: "Custom": supported values: "Localhost", "RuntimeDefault", "Unconfined"']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("pod-specific annotations", () => {
  const annotated = (annotations: string, ...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata:", "  name: p", `  annotations: ${annotations}`, "spec:", ...spec.map((line) => "  " + line));

  it.each([
    ["a mirror pod with a node", annotated("{kubernetes.io/config.mirror: abc}", app, "nodeName: node-1")],
    ["a deletion cost", annotated("{controller.kubernetes.io/pod-deletion-cost: '-100'}", app)],
    ["seccomp annotations matching the fields", annotated("{seccomp.security.alpha.kubernetes.io/pod: runtime/default}", app, "securityContext: {seccompProfile: {type: RuntimeDefault}}")],
    ["an AppArmor annotation of a container", annotated("{container.apparmor.security.beta.kubernetes.io/app: localhost/my-profile}", app)],
    ["a tolerations annotation with a valid list", annotated(`{scheduler.alpha.kubernetes.io/tolerations: '[{"key":"dedicated","operator":"Exists","effect":"NoSchedule"}]'}`, app)],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text).filter((message) => !message.includes("deprecated") && !message.includes("non-functional"))).toEqual([]);
  });

  it.each([
    ["a mirror pod without a node", annotated("{kubernetes.io/config.mirror: abc}", app), ['metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "abc": must set spec.nodeName if mirror pod annotation is set']],
    [
      "a tolerations annotation that is not JSON",
      annotated("{scheduler.alpha.kubernetes.io/tolerations: '[{key: a}]'}", app),
      ['metadata.annotations: Invalid value: "scheduler.alpha.kubernetes.io/tolerations": invalid character \'k\' looking for beginning of object key string'],
    ],
    [
      "a toleration in the annotation with Exists and a value",
      annotated(`{scheduler.alpha.kubernetes.io/tolerations: '[{"key":"a","operator":"Exists","value":"b"}]'}`, app),
      ['metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0].operator: Invalid value: "b": value must be empty when `operator` is \'Exists\''],
    ],
    ["a deletion cost with a plus sign", annotated("{controller.kubernetes.io/pod-deletion-cost: '+1'}", app), ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+1": must be a 32bit integer']],
    ["a deletion cost beyond 32 bits", annotated("{controller.kubernetes.io/pod-deletion-cost: '2147483648'}", app), ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "2147483648": must be a 32bit integer']],
    ["an unknown seccomp profile", annotated("{seccomp.security.alpha.kubernetes.io/pod: default}", app), ['metadata.annotations.seccomp.security.alpha.kubernetes.io/pod: Invalid value: "default": must be a valid seccomp profile']],
    [
      "an AppArmor annotation of no container",
      annotated("{container.apparmor.security.beta.kubernetes.io/web: runtime/default}", app),
      ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]: Invalid value: "web": container not found'],
    ],
    [
      "an AppArmor annotation with a bad profile",
      annotated("{container.apparmor.security.beta.kubernetes.io/app: strict}", app),
      ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: Invalid value: "strict": invalid AppArmor profile name: "strict"'],
    ],
    [
      "a seccomp annotation that contradicts the field",
      annotated("{seccomp.security.alpha.kubernetes.io/pod: unconfined}", app, "securityContext: {seccompProfile: {type: RuntimeDefault}}"),
      ["spec.securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match"],
    ],
    [
      "an AppArmor annotation that contradicts the field",
      annotated("{container.apparmor.security.beta.kubernetes.io/app: unconfined}", "containers: [{name: app, image: x, securityContext: {appArmorProfile: {type: RuntimeDefault}}}]"),
      ["spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match"],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).filter((message) => !message.includes("deprecated") && !message.includes("non-functional"))).toEqual(expected);
  });
});

describe("seLinuxChangePolicy (SELinuxChangePolicy on from 1.33; MountOption needs SELinuxMount, on from 1.37)", () => {
  const changePolicy = (policy: string) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", `  securityContext: {seLinuxChangePolicy: ${policy}}`, `  ${app}`);

  it.each([
    ["Recursive", changePolicy("Recursive"), "1.36"],
    ["MountOption once SELinuxMount is on", changePolicy("MountOption"), "1.37"],
  ])("accepts %s", (_name, text, version) => {
    expect(createPathMessages(text, version)).toEqual([]);
  });

  it.each([
    ["MountOption while SELinuxMount is off", changePolicy("MountOption"), "1.36", ['spec.securityContext.seLinuxChangePolicy: Unsupported value: "MountOption": supported values: "Recursive"']],
    ["an unknown policy", changePolicy("Sometimes"), "1.37", ['spec.securityContext.seLinuxChangePolicy: Unsupported value: "Sometimes": supported values: "MountOption", "Recursive"']],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});
