import { describe, expect, it } from "vitest";
import { createPathMessages, createPath, yaml } from "../../helpers.js";
import { DNS1035, LABEL, LABEL_KEY_NAME, PORT_RANGE, SUBDOMAIN } from "../../../rules/messages.js";

const service = (...spec: string[]) => yaml("apiVersion: v1", "kind: Service", "metadata: {name: web}", "spec:", ...spec.map((line) => "  " + line));
const annotated = (annotations: string, ...spec: string[]) =>
  yaml("apiVersion: v1", "kind: Service", "metadata:", "  name: web", `  annotations: {${annotations}}`, "spec:", ...spec.map((line) => "  " + line));
const port = "ports: [{port: 80}]";
const IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const CIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

describe("validateServiceCreate: accepted", () => {
  it.each([
    ["a ClusterIP Service with a selector", service("selector: {app: web}", port)],
    ["no spec fields but ports (type, protocol, targetPort, affinity defaulted)", service(port)],
    ["a headless Service without ports", service("clusterIP: None")],
    ["a headless Service without a selector (dual-stack by default)", service("clusterIP: None", "ports: [{port: 80, targetPort: 8080}]")],
    ["a NodePort Service with a node port", service("type: NodePort", "ports: [{port: 80, nodePort: 30080}]")],
    ["a NodePort Service without node ports (allocated)", service("type: NodePort", port)],
    ["a LoadBalancer with Local traffic (a health check port is allocated)", service("type: LoadBalancer", "externalTrafficPolicy: Local", port)],
    ["a LoadBalancer without node ports", service("type: LoadBalancer", "allocateLoadBalancerNodePorts: false", port)],
    ["an ExternalName Service with a trailing dot", service("type: ExternalName", "externalName: db.example.com.")],
    ["several named ports, TCP and UDP on one number", service("ports:", "- {name: dns, port: 53, protocol: UDP}", "- {name: dns-tcp, port: 53, protocol: TCP}")],
    ["a named target port and an app protocol", service("ports: [{port: 80, targetPort: http, appProtocol: kubernetes.io/h2c}]")],
    ["a cluster IP and its family", service("clusterIP: 10.0.0.10", "ipFamilies: [IPv4]", port)],
    ["dual-stack cluster IPs", service("clusterIP: 10.0.0.10", "clusterIPs: [10.0.0.10, 'fd00::10']", "ipFamilyPolicy: RequireDualStack", port)],
    ["two families with PreferDualStack", service("ipFamilies: [IPv6, IPv4]", "ipFamilyPolicy: PreferDualStack", port)],
    ["external IPs", service("externalIPs: [192.0.2.10, '2001:db8::10']", port)],
    ["a LoadBalancer with source ranges", service("type: LoadBalancer", "loadBalancerSourceRanges: [10.0.0.0/8, ' 192.168.0.0/16 ']", port)],
    ["the source ranges annotation on a LoadBalancer", annotated("service.beta.kubernetes.io/load-balancer-source-ranges: '10.0.0.0/8, 192.168.0.0/16'", "type: LoadBalancer", port)],
    ["ClientIP affinity with its default timeout", service("sessionAffinity: ClientIP", port)],
    ["ClientIP affinity of one day", service("sessionAffinity: ClientIP", "sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}", port)],
    ["a load balancer class", service("type: LoadBalancer", "loadBalancerClass: example.com/lb", port)],
    ["both topology annotations, equal", annotated("service.kubernetes.io/topology-mode: Auto, service.kubernetes.io/topology-aware-hints: Auto", port)],
    ["trafficDistribution PreferSameZone", service("trafficDistribution: PreferSameZone", port)],
    ["an internal traffic policy Local", service("internalTrafficPolicy: Local", port)],
  ])("%s", (_name, text) => {
    expect(createPath(text).filter((finding) => finding.severity === "error")).toEqual([]);
  });
});

describe("validateServiceCreate: rejected", () => {
  it.each([
    ["no ports", service("selector: {app: web}"), ["spec.ports: Required value"]],
    ["an ExternalName without a name", service("type: ExternalName"), ["spec.externalName: Required value"]],
    ["an ExternalName that is not a DNS name", service("type: ExternalName", "externalName: Db_Host"), [`spec.externalName: Invalid value: "Db_Host": ${SUBDOMAIN}`]],
    [
      "an ExternalName with a cluster IP, families and policy",
      service("type: ExternalName", "externalName: db.example.com", "clusterIP: 10.0.0.1", "ipFamilies: [IPv4]", "ipFamilyPolicy: SingleStack"),
      [
        "spec.clusterIPs: Forbidden: may not be set for ExternalName services",
        "spec.ipFamilies: Forbidden: may not be set for ExternalName services",
        "spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services",
      ],
    ],
    ["a headless NodePort", service("type: NodePort", "clusterIP: None", port), [`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`]],
    ["a headless LoadBalancer", service("type: LoadBalancer", "clusterIP: None", port), [`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`]],
    ["two ports, one without a name", service("ports: [{name: a, port: 80}, {port: 81}]"), ["spec.ports[1].name: Required value"]],
    ["a port name that is not a DNS label", service("ports: [{name: Web_1, port: 80}]"), [`spec.ports[0].name: Invalid value: "Web_1": ${LABEL}`]],
    ["two ports with one name", service("ports: [{name: a, port: 80}, {name: a, port: 81}]"), ['spec.ports[1].name: Duplicate value: "a"']],
    ["a port out of range", service("ports: [{port: 65536, targetPort: 80}]"), [`spec.ports[0].port: Invalid value: 65536: ${PORT_RANGE}`]],
    ["a target port out of range", service("ports: [{port: 80, targetPort: 0x10000}]"), [`spec.ports[0].targetPort: Invalid value: 65536: ${PORT_RANGE}`]],
    ["a target port name with capitals", service("ports: [{port: 80, targetPort: Http}]"), ['spec.ports[0].targetPort: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ["an app protocol that is not a qualified name", service("ports: [{port: 80, appProtocol: 'h2 c'}]"), [`spec.ports[0].appProtocol: Invalid value: "h2 c": ${LABEL_KEY_NAME}`]],
    ["a selector value", service("selector: {app: 'my app'}", port), ['spec.selector: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')']],
    ["an unknown session affinity", service("sessionAffinity: Sticky", port), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
    ["a ClientIP timeout of zero", service("sessionAffinity: ClientIP", "sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}", port), ["spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400"]],
    ["a ClientIP timeout over a day", service("sessionAffinity: ClientIP", "sessionAffinityConfig: {clientIP: {timeoutSeconds: 86401}}", port), ["spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400"]],
    ["an unknown type", service("type: Internal", port), ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ["a node port on a ClusterIP Service", service("ports: [{port: 80, nodePort: 30080}]"), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ["one node port twice", service("type: NodePort", "ports: [{name: a, port: 80, nodePort: 30080}, {name: b, port: 81, nodePort: 30080}]"), ["spec.ports[1].nodePort: Duplicate value: 30080"]],
    [
      "one port and protocol twice",
      service("ports: [{name: a, port: 80}, {name: b, port: 80}]"),
      ['spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}'],
    ],
    ["source ranges on a ClusterIP Service", service("loadBalancerSourceRanges: [10.0.0.0/8]", port), ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ["a source range that is not a CIDR", service("type: LoadBalancer", "loadBalancerSourceRanges: [10.0.0.0]", port), [`spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0": ${CIDR}`]],
    [
      "the source ranges annotation on a ClusterIP Service, with a bad range",
      annotated("service.beta.kubernetes.io/load-balancer-source-ranges: '10.0.0.0/8,nope'", port),
      [
        "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: may only be used when `type` is 'LoadBalancer'",
        `metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: "nope": ${CIDR}`,
      ],
    ],
    ["allocateLoadBalancerNodePorts on a NodePort", service("type: NodePort", "allocateLoadBalancerNodePorts: true", port), ["spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ["a load balancer class on a ClusterIP Service", service("loadBalancerClass: example.com/lb", port), ["spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ["a load balancer class that is not a qualified name", service("type: LoadBalancer", "loadBalancerClass: 'a b'", port), [`spec.loadBalancerClass: Invalid value: "a b": ${LABEL_KEY_NAME}`]],
    ["an external traffic policy on an internal Service", service("externalTrafficPolicy: Local", port), ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    ["an unknown external traffic policy", service("type: NodePort", "externalTrafficPolicy: Global", port), ['spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"']],
    ["a health check port without Local traffic", service("type: LoadBalancer", "healthCheckNodePort: 30100", port), ["spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"]],
    ["a health check port out of range", service("type: LoadBalancer", "externalTrafficPolicy: Local", "healthCheckNodePort: 70000", port), [`spec.healthCheckNodePort: Invalid value: 70000: ${PORT_RANGE}`]],
    ["an unknown internal traffic policy", service("internalTrafficPolicy: Node", port), ['spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"']],
    ["an unknown traffic distribution", service("trafficDistribution: Nearest", port), ['spec.trafficDistribution: Unsupported value: "Nearest": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"']],
    [
      "topology annotations that disagree",
      annotated("service.kubernetes.io/topology-mode: Auto, service.kubernetes.io/topology-aware-hints: auto", port),
      ['metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified'],
    ],
    [
      "external IPs that are special or not IPs",
      service("externalIPs: [127.0.0.1, 0.0.0.0, 169.254.1.1, 224.0.0.1, '::1', host.example.com]", port),
      [
        'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'spec.externalIPs[1]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
        'spec.externalIPs[2]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
        'spec.externalIPs[3]: Invalid value: "224.0.0.1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
        'spec.externalIPs[4]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        `spec.externalIPs[5]: Invalid value: "host.example.com": ${IP}`,
      ],
    ],
    ["a Service name that is not a DNS-1035 label (1.35)", yaml("apiVersion: v1", "kind: Service", "metadata: {name: 1web}", `spec: {${port}}`), [`metadata.name: Invalid value: "1web": ${DNS1035}`]],
  ])("%s", (_name, text, messages) => {
    expect(createPathMessages(text, "1.35")).toEqual(messages);
  });
});

describe("cluster IPs, families and policy (checked before allocation, then validated)", () => {
  it.each([
    ["a cluster IP that is not an IP", service("clusterIP: 10.0.0.300", port), [`spec.clusterIPs[0]: Invalid value: "10.0.0.300": ${IP}`]],
    ["clusterIPs without clusterIP", service("clusterIPs: [10.0.0.1]", port), ['spec.clusterIPs: Invalid value: ["10.0.0.1"]: must be empty when `clusterIP` is not specified']],
    ["clusterIPs not starting with clusterIP", service("clusterIP: 10.0.0.1", "clusterIPs: [10.0.0.2]", port), ['spec.clusterIPs: Invalid value: ["10.0.0.2"]: first value must match `clusterIP`']],
    ["None then an IP", service("clusterIP: None", "clusterIPs: [None, 10.0.0.1]", port), ['spec.clusterIPs: Invalid value: ["None","10.0.0.1"]: \'None\' must be the first and only value']],
    [
      "three cluster IPs",
      service("clusterIP: 10.0.0.1", "clusterIPs: [10.0.0.1, 'fd00::1', 10.0.0.2]", "ipFamilyPolicy: RequireDualStack", port),
      ['spec.clusterIPs: Invalid value: ["10.0.0.1","fd00::1","10.0.0.2"]: may only hold up to 2 values'],
    ],
    [
      "two IPv4 cluster IPs",
      service("clusterIP: 10.0.0.1", "clusterIPs: [10.0.0.1, 10.0.0.2]", "ipFamilyPolicy: RequireDualStack", port),
      ['spec.clusterIPs: Invalid value: ["10.0.0.1","10.0.0.2"]: may specify no more than one IP for each IP family'],
    ],
    ["an IP of the other family", service("clusterIP: 10.0.0.1", "ipFamilies: [IPv6]", port), ['spec.clusterIPs[0]: Invalid value: "10.0.0.1": expected an IPv6 value as indicated by `ipFamilies[0]`']],
    ["an unknown family, twice", service("ipFamilies: [IPv5, IPv5]", "ipFamilyPolicy: PreferDualStack", port), [
      'spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"',
      'spec.ipFamilies[1]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"',
      'spec.ipFamilies[1]: Duplicate value: "IPv5"',
    ]],
    ["an unknown policy", service("ipFamilyPolicy: DualStack", port), ['spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"']],
    ["two families without a policy (SingleStack by default)", service("ipFamilies: [IPv4, IPv6]", port), ["spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"]],
    [
      "two cluster IPs with SingleStack",
      service("clusterIP: 10.0.0.1", "clusterIPs: [10.0.0.1, 'fd00::1']", "ipFamilyPolicy: SingleStack", port),
      ["spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"],
    ],
  ])("%s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });

  it("stops at the cluster IP fields, as the storage checks them before anything else", () => {
    expect(createPathMessages(yaml("apiVersion: v1", "kind: Service", "metadata: {name: Web}", "spec: {clusterIP: bad, ports: [{port: 0}]}"))).toEqual([
      `spec.clusterIPs[0]: Invalid value: "bad": ${IP}`,
    ]);
  });
});

describe("Service checks that follow the release", () => {
  it("refused port 10250 on LoadBalancers until 1.33", () => {
    const text = service("type: LoadBalancer", "ports: [{port: 10250}]");
    expect(createPathMessages(text, "1.32")).toEqual(["spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet"]);
    expect(createPathMessages(text, "1.33")).toEqual([]);
  });

  it("drops trafficDistribution in 1.30 and offers PreferSame* since 1.34", () => {
    const text = service("trafficDistribution: PreferSameNode", port);
    expect(createPathMessages(text, "1.30")).toEqual([]);
    expect(createPathMessages(text, "1.33")).toEqual(['spec.trafficDistribution: Unsupported value: "PreferSameNode": supported values: "PreferClose"']);
    expect(createPathMessages(text, "1.34")).toEqual([]);
  });

  it("refuses IPs with leading zeros where StrictIPCIDRValidation is on", () => {
    const text = service("externalIPs: [192.000.2.1]", port);
    const errors = (version: string) => createPath(text, version).filter((finding) => finding.severity === "error").map((finding) => finding.message);
    expect(errors("1.35")).toEqual([]);
    expect(errors("1.36")).toEqual(['spec.externalIPs[0]: Invalid value: "192.000.2.1": must not have leading 0s']);
  });

  it("takes DNS labels for Service names where RelaxedServiceNameValidation is on", () => {
    const text = yaml("apiVersion: v1", "kind: Service", "metadata: {name: 1web}", `spec: {${port}}`);
    expect(createPathMessages(text, "1.36")).toEqual([]);
  });
});

describe("getWarningsForService", () => {
  const warnings = (text: string, version = "1.36") => createPath(text, version).filter((finding) => finding.severity === "warning").map((finding) => finding.message);

  it.each([
    ["the deprecated topology annotation", annotated("service.kubernetes.io/topology-aware-hints: Auto", port), "1.36", ["annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead"]],
    ["a cluster IP in IPv6 long form", service("clusterIP: '2001:db8:0:0::1'", port), "1.36", ['spec.clusterIPs[0]: IPv6 address "2001:db8:0:0::1" should be in RFC 5952 canonical format ("2001:db8::1")']],
    ["an external IP with leading zeros", service("externalIPs: [192.000.2.1]", port), "1.35", ['spec.externalIPs[0]: non-standard IP address "192.000.2.1" will be considered invalid in a future Kubernetes release: use "192.0.2.1"']],
    ["an external IP with leading zeros (1.32)", service("externalIPs: [192.000.2.1]", port), "1.32", ['spec.externalIPs[0]: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr("192.000.2.1"): IPv4 field has octet with leading zero']],
    ["an ambiguous source range", service("type: LoadBalancer", "loadBalancerSourceRanges: [10.0.0.1/8]", port), "1.35", ['spec.loadBalancerSourceRanges[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)']],
    ["external IPs on an ExternalName Service", service("type: ExternalName", "externalName: db.example.com", "externalIPs: [192.0.2.1]"), "1.36", ['spec.externalIPs is ignored when spec.type is "ExternalName"']],
    ["an externalName on a ClusterIP Service", service("externalName: db.example.com", port), "1.36", ['spec.externalName is ignored when spec.type is not "ExternalName"']],
    ["a headless Service with external IPs and affinity", service("clusterIP: None", "externalIPs: [192.0.2.1]", "sessionAffinity: ClientIP"), "1.36", ["spec.externalIPs is ignored for headless services", "spec.SessionAffinity is ignored for headless services"]],
    ["any headless Service in 1.33", service("clusterIP: None"), "1.33", ["spec.SessionAffinity is ignored for headless services"]],
    ["no headless warnings before 1.33", service("clusterIP: None", "externalIPs: [192.0.2.1]"), "1.32", []],
    ["trafficDistribution PreferClose, deprecated since 1.35", service("trafficDistribution: PreferClose", port), "1.35", ['spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"']],
  ])("%s", (_name, text, version, expected) => {
    expect(warnings(text, version)).toEqual(expected);
  });

  it("warns only about accepted Services", () => {
    expect(warnings(annotated("service.kubernetes.io/topology-aware-hints: Auto", "type: Bogus", port))).toEqual([]);
  });
});

describe("Service findings in place (the checks of the former port and name rules)", () => {
  const svc = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec:", ...specLines.map((line) => "  " + line));

  it.each([
    ["targetPort by name, by number, and 0 (defaulted to the port)", svc("ports:", "- {name: a, port: 80, targetPort: http}", "- {name: b, port: 81, targetPort: 8081}", "- {name: c, port: 82, targetPort: 0}")],
    ["a DNS-1123 label longer than 15 characters as a port name", svc("ports:", "- {name: very-long-port-name-for-http, port: 80}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a port of 0", svc("ports:", "- port: 0"), [
      { severity: "error", line: 6, column: 5, message: `spec.ports[0].targetPort: Invalid value: 0: ${PORT_RANGE}` },
      { severity: "error", line: 6, column: 11, message: `spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}` },
    ]],
    ["a numeric targetPort written as a string", svc("ports:", "- port: 80", "  targetPort: '8080'"), [
      { severity: "error", line: 7, column: 17, message: 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)' },
    ]],
    ["a nodePort on a Service without type (ClusterIP)", svc("ports:", "- port: 80", "  nodePort: 30080"), [
      { severity: "error", line: 7, column: 5, message: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" },
    ]],
    ["a port name with an underscore", svc("ports:", "- {name: http_alt, port: 8080}"), [
      { severity: "error", line: 6, column: 12, message: `spec.ports[0].name: Invalid value: "http_alt": ${LABEL}`, suggestion: "http-alt" },
    ]],
    ["several ports without names", svc("ports:", "- port: 80", "- port: 443"), [
      { severity: "error", line: 6, column: 5, message: "spec.ports[0].name: Required value" },
      { severity: "error", line: 7, column: 5, message: "spec.ports[1].name: Required value" },
    ]],
    ["two ports with the same name", svc("ports:", "- name: web", "  port: 80", "- name: web", "  port: 81"), [
      { severity: "error", line: 8, column: 11, message: 'spec.ports[1].name: Duplicate value: "web"' },
    ]],
    ["the same node port twice", svc("type: NodePort", "ports:", "- {name: a, port: 80, nodePort: 30080}", "- {name: b, port: 81, nodePort: 30080}"), [
      { severity: "error", line: 8, column: 35, message: "spec.ports[1].nodePort: Duplicate value: 30080" },
    ]],
    ["a selector value", svc("selector: {app: 'my app'}", port), [
      { severity: "error", line: 5, column: 19, message: 'spec.selector: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')', suggestion: "my-app" },
    ]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });

  it.each([
    ["1.36", '{"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}'],
    ["1.33", 'core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
  ])("prints a duplicate port and protocol as %s does", (version, value) => {
    const text = svc("ports:", "- name: a", "  port: 80", "- name: b", "  port: 80");
    expect(createPath(text, version)).toEqual([{ severity: "error", line: 8, column: 5, message: `spec.ports[1]: Duplicate value: ${value}` }]);
  });
});
