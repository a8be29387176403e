// A URL parsed as Go's net/url.Parse parses it, for the parts webhook URL
// validation reads (scheme, host, user information, fragment, query) and its
// errors, in Go's words (`parse "<url>": <reason>`); and whether
// url.ParseRequestURI accepts a string (the `uri` format of custom resources).
import { goQuote } from "./go-quote.js";

export interface GoURL {
  scheme: string;
  host: string;
  /** Userinfo.String(): the user name, and `:password` when one is given. */
  user?: string;
  fragment: string;
  rawQuery: string;
}

class URLError extends Error {}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** unescape: `%XX` decoded; a `%` not followed by two hex digits is an error. */
function unescape(text: string, host: boolean): string {
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "%") {
      const hex = text.slice(i + 1, i + 3);
      if (!HEX.test(hex)) throw new URLError(`invalid URL escape ${goQuote(text.slice(i, i + 3))}`);
      // In a host, only %25 (a zone's `%`) and escapes of non-ASCII bytes are allowed.
      if (host && parseInt(hex[0]!, 16) < 8 && hex !== "25") throw new URLError(`invalid URL escape ${goQuote(text.slice(i, i + 3))}`);
      i += 2;
    } else if (host && char.charCodeAt(0) < 0x80 && !/[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"]/.test(char)) {
      throw new URLError(`invalid character ${goQuote(char)} in host name`);
    }
  }
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** validOptionalPort: empty, or `:` and digits. */
function validOptionalPort(port: string): boolean {
  return port === "" || /^:[0-9]*$/.test(port);
}

function parseHost(host: string): string {
  if (host.startsWith("[")) {
    const close = host.lastIndexOf("]");
    if (close < 0) throw new URLError("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${goQuote(colonPort)} after host`);
  } else {
    const colon = host.lastIndexOf(":");
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) throw new URLError(`invalid port ${goQuote(host.slice(colon))} after host`);
  }
  return unescape(host, true);
}

function parseAuthority(authority: string): { user?: string; host: string } {
  const at = authority.lastIndexOf("@");
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return { host };
  const userinfo = authority.slice(0, at);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new URLError("net/url: invalid userinfo");
  const colon = userinfo.indexOf(":");
  const user = colon < 0 ? unescape(userinfo, false) : `${unescape(userinfo.slice(0, colon), false)}:${unescape(userinfo.slice(colon + 1), false)}`;
  return { user, host };
}

/** getScheme: letters, then letters, digits, `+`, `-` or `.` up to a `:`. */
function getScheme(raw: string): { scheme: string; rest: string } {
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (/[A-Za-z]/.test(char)) continue;
    if (/[0-9+\-.]/.test(char)) {
      if (i === 0) return { scheme: "", rest: raw };
      continue;
    }
    if (char === ":") {
      if (i === 0) throw new URLError("missing protocol scheme");
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { scheme: "", rest: raw };
  }
  return { scheme: "", rest: raw };
}

/** parse: `viaRequest` for ParseRequestURI, which wants an absolute URI or an absolute path. */
function parse(raw: string, viaRequest: boolean): GoURL {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new URLError("net/url: invalid control character in URL");
  if (raw === "" && viaRequest) throw new URLError("empty url");
  const url: GoURL = { scheme: "", host: "", fragment: "", rawQuery: "" };
  if (raw === "*") return url;
  const { scheme, rest: afterScheme } = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  let rest = afterScheme;
  if (rest.endsWith("?") && rest.split("?").length === 2) rest = rest.slice(0, -1);
  else {
    const question = rest.indexOf("?");
    if (question >= 0) {
      url.rawQuery = rest.slice(question + 1);
      rest = rest.slice(0, question);
    }
  }
  if (!rest.startsWith("/")) {
    // A scheme followed by a rootless path is an opaque URL.
    if (url.scheme !== "") return url;
    if (viaRequest) throw new URLError("invalid URI for request");
    if (rest.split("/")[0]!.includes(":")) throw new URLError("first path segment in URL cannot contain colon");
  }
  if ((url.scheme !== "" || (!viaRequest && !rest.startsWith("///"))) && rest.startsWith("//")) {
    const authorityEnd = rest.indexOf("/", 2);
    const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
    rest = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
    Object.assign(url, parseAuthority(authority));
  }
  unescape(rest, false);
  return url;
}

/** url.Parse: the URL, or the error's message as Go prints it. */
export function parseGoURL(raw: string): GoURL | { error: string } {
  const hash = raw.indexOf("#");
  const withoutFragment = hash < 0 ? raw : raw.slice(0, hash);
  let url: GoURL;
  try {
    url = parse(withoutFragment, false);
  } catch (error) {
    if (!(error instanceof URLError)) throw error;
    return { error: `parse ${goQuote(withoutFragment)}: ${error.message}` };
  }
  if (hash < 0) return url;
  try {
    url.fragment = unescape(raw.slice(hash + 1), false);
  } catch (error) {
    if (!(error instanceof URLError)) throw error;
    return { error: `parse ${goQuote(raw)}: ${error.message}` };
  }
  return url;
}

/** url.ParseRequestURI's error as Go prints it, undefined when it has none (the fragment is not cut off: `#` is part of the path). */
export function requestURIError(raw: string): string | undefined {
  try {
    parse(raw, true);
    return undefined;
  } catch (error) {
    if (!(error instanceof URLError)) throw error;
    return `parse ${goQuote(raw)}: ${error.message}`;
  }
}

/** url.ParseRequestURI(raw) returns no error. */
export function isRequestURI(raw: string): boolean {
  return requestURIError(raw) === undefined;
}
