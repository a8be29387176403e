// Kubernetes' URL library: url() parses an absolute URL or an absolute path
// (Go's url.ParseRequestURI), isURL() says whether it would.
import type { Environment } from "@marcbachmann/cel-js";
import { CelEvaluationError } from "./macros.js";

class KubernetesURL {
  constructor(
    readonly scheme: string,
    readonly host: string,
    readonly path: string,
    readonly query: string,
  ) {}
}

const REQUEST_URI = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?$/;

/** url.ParseRequestURI: an absolute URI, or a path starting with "/"; no fragment. */
function parseRequestURI(text: string): KubernetesURL | undefined {
  const match = REQUEST_URI.exec(text);
  if (!match || /[\s\u0000-\u001f\u007f]/.test(text)) return undefined;
  const [, scheme = "", host = "", path = "", query = ""] = match;
  if (scheme === "" && !path.startsWith("/")) return undefined;
  if (scheme !== "" && host === "" && !path.startsWith("/") && !text.slice(scheme.length + 1).startsWith("//")) {
    if (path === "") return undefined;
  }
  return new KubernetesURL(scheme.toLowerCase(), host, path, query);
}

function hostname(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]") > 0 ? host.indexOf("]") : undefined);
  const colon = host.lastIndexOf(":");
  return colon >= 0 ? host.slice(0, colon) : host;
}

function port(host: string): string {
  const match = /:(\d*)$/.exec(host.startsWith("[") ? host.slice(host.indexOf("]") + 1) : host);
  return match ? match[1]! : "";
}

function query(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(text)) out.set(key, [...(out.get(key) ?? []), value]);
  return out;
}

export function registerUrl(env: Environment): void {
  env.registerType("kubernetes.URL", KubernetesURL);
  env.registerFunction("url(string): kubernetes.URL", (text: string) => {
    const parsed = parseRequestURI(text);
    if (!parsed) throw new CelEvaluationError("invalid_argument", `URL parse error during conversion from string: parse ${JSON.stringify(text)}: invalid URI for request`);
    return parsed;
  });
  env.registerFunction("isURL(string): bool", (text: string) => parseRequestURI(text) !== undefined);
  env.registerFunction("kubernetes.URL.getScheme(): string", (u: KubernetesURL) => u.scheme);
  env.registerFunction("kubernetes.URL.getHost(): string", (u: KubernetesURL) => u.host);
  env.registerFunction("kubernetes.URL.getHostname(): string", (u: KubernetesURL) => hostname(u.host));
  env.registerFunction("kubernetes.URL.getPort(): string", (u: KubernetesURL) => port(u.host));
  env.registerFunction("kubernetes.URL.getEscapedPath(): string", (u: KubernetesURL) => u.path);
  env.registerFunction("kubernetes.URL.getQuery(): map<string, list<string>>", (u: KubernetesURL) => query(u.query));
}
