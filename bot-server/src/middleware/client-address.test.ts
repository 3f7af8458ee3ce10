import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { clientAddress, clientKey } from "./client-address.js";

/** What clientAddress makes of a request, with a socket peer as @hono/node-server passes it. */
async function addressOf(hops: number, headers: Record<string, string>, peer?: string): Promise<string> {
  const app = new Hono();
  app.get("/", (c) => c.text(clientAddress(c, hops)));
  const res = await app.request("/", { headers }, peer ? { incoming: { socket: { remoteAddress: peer } } } : undefined);
  return res.text();
}

describe("clientAddress", () => {
  it.each([
    ["no proxy: the socket's peer, whatever X-Forwarded-For says", 0, { "x-forwarded-for": "1.1.1.1" }, "198.51.100.9", "198.51.100.9"],
    ["one proxy: the address it appended", 1, { "x-forwarded-for": "1.1.1.1, 203.0.113.5" }, "10.0.0.1", "203.0.113.5"],
    ["two proxies: the second from the right", 2, { "x-forwarded-for": "1.1.1.1, 203.0.113.5, 10.0.0.2" }, "10.0.0.1", "203.0.113.5"],
    ["a proxy configured but no header: the peer", 1, {}, "10.0.0.1", "10.0.0.1"],
    ["garbage in the header: the peer", 1, { "x-forwarded-for": "not-an-ip" }, "10.0.0.1", "10.0.0.1"],
    ["IPv6 in brackets with a port", 1, { "x-forwarded-for": "[2001:db8::7]:443" }, "10.0.0.1", "2001:db8::7"],
    ["no socket (in-process)", 0, {}, undefined, "unknown"],
  ])("%s", async (_what, hops, headers, peer, expected) => {
    expect(await addressOf(hops, headers, peer)).toBe(expected);
  });
});

describe("clientKey", () => {
  it.each([
    ["203.0.113.5", "203.0.113.5"],
    ["::ffff:203.0.113.5", "203.0.113.5"],
    ["2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64"],
    ["2001:db8:aa:bb::9", "2001:db8:aa:bb::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["unknown", "unknown"],
  ])("%s → %s", (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});
