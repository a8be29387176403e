// API defaulting of admissionregistration.k8s.io (pkg/apis/admissionregistration/v1*/defaults.go).
import { setDefault } from "./fields.js";
import { objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** SetDefaults_Rule, for each rule of a list. */
function setDefaultsRules(rules: unknown): void {
  for (const rule of recordsOf(rules)) setDefault(rule, "scope", "*");
}

/** SetDefaults_ValidatingWebhook / _MutatingWebhook / _Rule / _ServiceReference. */
export function setDefaultsWebhookConfiguration(body: JsonRecord, mutating: boolean): void {
  for (const webhook of recordsOf(body.webhooks)) {
    setDefault(webhook, "failurePolicy", "Fail");
    setDefault(webhook, "matchPolicy", "Equivalent");
    setDefault(webhook, "namespaceSelector", {});
    setDefault(webhook, "objectSelector", {});
    setDefault(webhook, "timeoutSeconds", 10);
    if (mutating) setDefault(webhook, "reinvocationPolicy", "Never");
    setDefaultsRules(webhook.rules);
    setDefault(objectAt(objectAt(webhook, "clientConfig"), "service"), "port", 443);
  }
}

/** SetDefaults_MatchResources, and SetDefaults_Rule for its rules. */
function setDefaultsMatchResources(match: JsonRecord | undefined): void {
  if (!match) return;
  setDefault(match, "matchPolicy", "Equivalent");
  setDefault(match, "namespaceSelector", {});
  setDefault(match, "objectSelector", {});
  setDefaultsRules(match.resourceRules);
  setDefaultsRules(match.excludeResourceRules);
}

/**
 * SetDefaults_ValidatingAdmissionPolicySpec (or _MutatingAdmissionPolicySpec,
 * which defaults the same failure policy) and the match constraints' defaults.
 */
export function setDefaultsAdmissionPolicy(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  setDefault(spec, "failurePolicy", "Fail");
  setDefaultsMatchResources(objectAt(spec, "matchConstraints"));
}

/** A binding's match resources get SetDefaults_MatchResources. */
export function setDefaultsAdmissionPolicyBinding(body: JsonRecord): void {
  setDefaultsMatchResources(objectAt(objectAt(body, "spec"), "matchResources"));
}
