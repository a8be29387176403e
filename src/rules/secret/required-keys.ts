// Secret types that require keys (ValidateSecret): kubernetes.io/tls needs
// tls.crt and tls.key, dockerconfigjson its .dockerconfigjson, and so on.
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { required } from "../support/field-errors.js";
import { keyPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, isRecord, stringOf } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";

/** Keys a Secret of each type must have (in data, or stringData which is merged into it). */
const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = lookupTable({
  "kubernetes.io/dockercfg": [".dockercfg"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/ssh-auth": ["ssh-privatekey"],
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
});

export const secretRequiredKeys: Rule = {
  id: "secret/required-keys",
  severity: "error",
  description: "Typed Secrets must carry the keys their type requires (tls.crt and tls.key for kubernetes.io/tls, ...).",
  check(document) {
    const { object } = document;
    if (object.kind !== "Secret" || apiGroup(object.apiVersion) !== "") return [];
    const type = stringOf(object.type);
    if (!type) return [];
    const keys = new Set([...Object.keys(isRecord(object.data) ? object.data : {}), ...Object.keys(isRecord(object.stringData) ? object.stringData : {})]);
    const at = isRecord(object.data) ? ["data"] : isRecord(object.stringData) ? ["stringData"] : ["type"];
    const reports: Report[] = [];
    for (const key of REQUIRED_KEYS[type] ?? []) {
      if (!keys.has(key)) reports.push(reportAt(at, required(keyPath(["data"], key)) + ` (a Secret of type ${type} needs it)`, { atKey: true }));
    }
    if (type === "kubernetes.io/basic-auth" && !keys.has("username") && !keys.has("password")) {
      for (const key of ["username", "password"]) reports.push(reportAt(at, required(keyPath(["data"], key)) + ` (a Secret of type ${type} needs a username or a password)`, { atKey: true }));
    }
    if (type === "kubernetes.io/service-account-token" && !stringOf(dig(object, "metadata", "annotations", "kubernetes.io/service-account.name"))) {
      reports.push(reportAt(["metadata"], required("metadata.annotations[kubernetes.io/service-account.name]") + " (it names the ServiceAccount the token is for)", { atKey: true }));
    }
    return reports;
  },
};
