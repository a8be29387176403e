// API defaulting of admissionregistration.k8s.io/v1 (pkg/apis/admissionregistration/v1/defaults.go).
import { setDefault } from "./fields.js";
import { objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** SetDefaults_ValidatingWebhook / _MutatingWebhook / _Rule / _ServiceReference. */
export function setDefaultsWebhookConfiguration(body: JsonRecord, mutating: boolean): void {
  for (const webhook of recordsOf(body.webhooks)) {
    setDefault(webhook, "failurePolicy", "Fail");
    setDefault(webhook, "matchPolicy", "Equivalent");
    setDefault(webhook, "namespaceSelector", {});
    setDefault(webhook, "objectSelector", {});
    setDefault(webhook, "timeoutSeconds", 10);
    if (mutating) setDefault(webhook, "reinvocationPolicy", "Never");
    for (const rule of recordsOf(webhook.rules)) setDefault(rule, "scope", "*");
    setDefault(objectAt(objectAt(webhook, "clientConfig"), "service"), "port", 443);
  }
}
