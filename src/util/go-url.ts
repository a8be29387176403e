// Whether Go's net/url.ParseRequestURI accepts a string: the check behind
// the `uri` format of custom resources. Only acceptance is modelled, not the
// parsed URL.

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Control bytes make Go refuse the whole URL. */
function containsControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** getScheme: the scheme before ':', "" when there is none, undefined when it is missing ("://x"). */
function splitScheme(text: string): { scheme: string; rest: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return { scheme: "", rest: text };
      continue;
    }
    if (c === ":") return i === 0 ? undefined : { scheme: text.slice(0, i), rest: text.slice(i + 1) };
    return { scheme: "", rest: text };
  }
  return { scheme: "", rest: text };
}

/** unescape's checks: every '%' starts two hex digits; in a host, only %25 or bytes from 0x80 are escaped. */
function validEscapes(text: string, host: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "%") continue;
    const digits = text.slice(i + 1, i + 3);
    if (!HEX.test(digits)) return false;
    if (host && parseInt(digits[0]!, 16) < 8 && digits !== "25") return false;
    i += 2;
  }
  return true;
}

/** Characters a host may hold unescaped (shouldEscape's encodeHost exceptions). */
function validHostCharacters(host: string): boolean {
  for (const c of host) {
    if (c.charCodeAt(0) >= 0x80) continue;
    if (!/[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"%]/.test(c)) return false;
  }
  return true;
}

function validOptionalPort(port: string): boolean {
  return port === "" || /^:[0-9]*$/.test(port);
}

function validHost(host: string): boolean {
  if (host.startsWith("[")) {
    const close = host.lastIndexOf("]");
    if (close < 0 || !validOptionalPort(host.slice(close + 1))) return false;
  } else {
    const colon = host.lastIndexOf(":");
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return false;
  }
  return validEscapes(host, true) && validHostCharacters(host);
}

function validAuthority(authority: string): boolean {
  const at = authority.lastIndexOf("@");
  if (at >= 0 && !/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(authority.slice(0, at))) return false;
  return validHost(authority.slice(at + 1));
}

/** url.ParseRequestURI(text) returns no error. */
export function isRequestURI(text: string): boolean {
  if (text === "" || containsControl(text)) return false;
  if (text === "*") return true;
  const split = splitScheme(text);
  if (!split) return false;
  const { scheme } = split;
  let rest = split.rest;
  const query = rest.indexOf("?");
  if (query >= 0) rest = rest.slice(0, query);
  if (!rest.startsWith("/")) return scheme !== "";
  if (scheme !== "" && rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    if (!validAuthority(authority)) return false;
    rest = slash < 0 ? "" : rest.slice(slash);
  }
  return validEscapes(rest, false);
}
