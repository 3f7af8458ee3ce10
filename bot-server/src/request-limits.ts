import type { MiddlewareHandler } from "hono";
import type { FieldError } from "@hccd/shared";
import { validationFailed } from "./errors.js";

/** Largest request body accepted: a birth certificate is ~1 KB; 256 KB leaves room and stops abuse. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * A population batch (contract 5): up to 1,000 records of about 1 KB each (names, addresses, the
 * cards); 2 MB holds the largest valid batch with room and still bounds what a client can send.
 */
export const POPULATION_MAX_BODY_BYTES = 2 * 1024 * 1024;

const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored (PostgreSQL refuses both; SQLite would keep them mangled), or null. */
function unstorable(text: string): string | null {
  if (text.includes(NUL)) return "contains a NUL character (U+0000), which no text of ours may hold";
  if (LONE_SURROGATE.test(text)) return "is not well-formed Unicode (a lone UTF-16 surrogate)";
  return null;
}

/** A key as an error may name it: a NUL written out, a lone surrogate as U+FFFD. */
const shown = (key: string) => key.replaceAll(NUL, "\\u0000").replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");

/** The first key or string in a parsed JSON value that cannot be stored: its dotted path and why. */
export function unstorableText(value: unknown, path: string[] = []): FieldError | null {
  if (typeof value === "string") {
    const reason = unstorable(value);
    return reason ? { path: path.join(".") || "(body)", message: reason } : null;
  }
  if (typeof value !== "object" || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const reason = unstorable(key);
    if (reason) return { path: [...path, shown(key)].join("."), message: reason };
    const found = unstorableText(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

const UNSTORABLE = new RegExp(`${NUL}|${LONE_SURROGATE.source}`, "g");

/** A copy of a parsed JSON value with every NUL character and lone surrogate, in keys and strings, replaced by U+FFFD. */
export function replaceUnstorable(value: unknown): unknown {
  if (typeof value === "string") return value.replace(UNSTORABLE, "\uFFFD");
  if (Array.isArray(value)) return value.map(replaceUnstorable);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(UNSTORABLE, "\uFFFD"), replaceUnstorable(v)]));
}

/**
 * Whether a JSON text may hold, once parsed, a NUL or a lone surrogate: only as a raw NUL or an
 * escape (`\u0000`, `\uD8xx`–`\uDFxx`). Well-formed UTF-8 decodes to no lone surrogate.
 */
function jsonMayHoldUnstorable(text: string): boolean {
  return text.includes("\\u0000") || text.includes(NUL) || /\\u[dD][89a-fA-F]/.test(text);
}

/**
 * A JSON text parsed, with every NUL character and lone surrogate replaced by U+FFFD
 * (`replaceUnstorable`); the copy is skipped when the text cannot hold one (the webhook's hot path).
 * Throws as JSON.parse does.
 */
export function parseJsonStorable(text: string): unknown {
  const parsed: unknown = JSON.parse(text);
  return jsonMayHoldUnstorable(text) ? replaceUnstorable(parsed) : parsed;
}

function unstorableInBody(contentType: string, text: string): FieldError | null {
  if (contentType.includes("json")) {
    // Parsed only when its text may hold one.
    if (!jsonMayHoldUnstorable(text)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null; // the route answers what is wrong with the JSON
    }
    return unstorableText(parsed);
  }
  if (contentType.includes("application/x-www-form-urlencoded")) {
    if (!text.includes("%00") && !text.includes(NUL)) return null; // invalid UTF-8 decodes to U+FFFD
    for (const [key, value] of new URLSearchParams(text)) {
      const reason = unstorable(key) ?? unstorable(value);
      if (reason) return { path: shown(key), message: reason };
    }
  }
  return null;
}

/**
 * Refuses a NUL character or a lone surrogate anywhere a request can carry text (the path, the
 * query, a JSON or form body) with 422 naming where, before any route sees it. No name, id or
 * answer of ours holds one, and PostgreSQL's text refuses both outright, so without this check they
 * surfaced as a 500 on that engine and were stored as is (or mangled) on SQLite. Uploads (multipart) are read by their own readers, and
 * Zalo's webhook, whose MAC covers the exact bytes, replaces them in what it stores (routes/webhook.ts).
 * Runs after any body limit: it reads the body, and Hono keeps what it read for the route.
 */
export function refuseNulCharacters(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // a malformed escape is the router's to answer (404)
    }
    const inPath = unstorable(path);
    if (inPath) throw validationFailed([{ path: "(path)", message: inPath }], "The request is not valid");
    for (const [key, value] of url.searchParams) {
      const reason = unstorable(key) ?? unstorable(value);
      if (reason) throw validationFailed([{ path: shown(key) || "(query)", message: reason }], "The request is not valid");
    }
    const contentType = c.req.header("content-type") ?? "";
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && (contentType.includes("json") || contentType.includes("application/x-www-form-urlencoded"))) {
      // Hono keeps the text it read: the route's own c.req.json() / parseBody() reads it again.
      const found = unstorableInBody(contentType, await c.req.text());
      if (found) throw validationFailed([found], "The request is not valid");
    }
    await next();
  };
}
