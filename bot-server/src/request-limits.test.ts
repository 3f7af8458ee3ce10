import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { toJson } from "@hccd/db";
import { createTestWorld, type TestWorld } from "./testing/world.js";
import { parseJsonStorable, replaceUnstorable, unstorableText } from "./request-limits.js";

/**
 * Text no column of ours can hold — a NUL character, a lone UTF-16 surrogate — is refused at the
 * door with 422 naming where it was, on either engine (PostgreSQL's text refuses both: before this
 * check they answered 500 there, and SQLite stored them).
 */
let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const fields = async (res: Response) => ({ status: res.status, fields: ((await res.json()) as { error: { fields?: { path: string; message: string }[] } }).error.fields });

describe("text that cannot be stored", () => {
  it("names the JSON field, query parameter or path that holds a NUL or a lone surrogate", async () => {
    w = await createTestWorld();
    expect(await fields(await w.call("POST", "/api/faq/ask", { body: { question: "a\u0000b", lang: "vi" } }))).toEqual({
      status: 422,
      fields: [{ path: "question", message: "contains a NUL character (U+0000), which no text of ours may hold" }],
    });
    expect(await fields(await w.call("POST", "/api/staff/session", { body: { username: "admin", password: "x\ud800" } }))).toEqual({
      status: 422,
      fields: [{ path: "password", message: "is not well-formed Unicode (a lone UTF-16 surrogate)" }],
    });
    expect((await fields(await w.call("POST", "/api/faq/ask", { rawBody: '{"question":"x","a\\u0000":1}', headers: { "content-type": "application/json" } }))).fields).toEqual([
      { path: "a\\u0000", message: expect.stringContaining("NUL") },
    ]);
    expect((await fields(await w.call("GET", "/api/staff/audit?actor=%00"))).fields).toEqual([{ path: "actor", message: expect.stringContaining("NUL") }]);
    expect((await fields(await w.call("GET", "/api/me/drafts/a%00b"))).fields).toEqual([{ path: "(path)", message: expect.stringContaining("NUL") }]);
    // A console form, URL-encoded: the console's own error page, naming the field.
    const form = await w.call("POST", "/staff/login", { rawBody: "username=ad%00min&password=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(422);
    expect(form.headers.get("set-cookie")).toBeNull();
    expect(await form.text()).toContain("username");
  });

  it("lets well-formed text through, emoji (surrogate pairs) and an escaped backslash before u0000 included", async () => {
    w = await createTestWorld();
    const res = await w.call("POST", "/api/faq/ask", { rawBody: JSON.stringify({ question: "lam cccd 😀 \\u0000 o dau", lang: "vi" }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(200);
  });

  it("keeps a signed Zalo event whose text holds a NUL, with U+FFFD in its place (the MAC is over the bytes received)", async () => {
    w = await createTestWorld();
    const user = w.chatUser();
    expect((await w.say(user, "xin chao\u0000\ud800")).status).toBe(200);
    const [row] = await w.rows<{ payload: unknown }>(sql`select payload from inbox`);
    expect(toJson<{ message: { text: string } }>(row!.payload).message.text).toBe("xin chao\uFFFD\uFFFD");
  });

  it("finds the first unstorable key or string and replaces every one", () => {
    expect(unstorableText({ a: ["ok", { b: "x\u0000" }] })).toEqual({ path: "a.1.b", message: expect.stringContaining("NUL") });
    expect(unstorableText({ a: "ok", b: ["😀"] })).toBeNull();
    expect(replaceUnstorable({ "k\u0000": ["a\udc00b", 1, null] })).toEqual({ "k\uFFFD": ["a\uFFFDb", 1, null] });
  });

  it("parses JSON with what no column holds replaced (escaped or raw), and other JSON as it is", () => {
    expect(parseJsonStorable(String.raw`{"k\u0000":["a\uDC00b","c\ud800"],"t":"x\u0000"}`)).toEqual({ "k\uFFFD": ["a\uFFFDb", "c\uFFFD"], t: "x\uFFFD" });
    expect(parseJsonStorable(String.raw`{"t":"Đăng ký 😀 \\u0000 as text","n":[1,{"a":null}]}`)).toEqual({ t: String.raw`Đăng ký 😀 \u0000 as text`, n: [1, { a: null }] });
  });
});
