import type { Context } from "hono";
import { isIP } from "node:net";

/**
 * The address a request came from. By default the socket's peer: X-Forwarded-For is whatever the
 * client wrote, so trusting it would let anyone be anyone. Behind `hops` proxies of our own (the
 * TRUST_PROXY_HOPS setting), each appending the address it received the request from, the client
 * is the `hops`-th address from the right; what lies further left was written by the client.
 * `unknown` when there is no socket (a request handed over in-process, as tests do).
 */
export function clientAddress(c: Context, hops: number): string {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  if (hops > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "").split(",").map((a) => a.trim()).filter(Boolean);
    const candidate = forwarded[forwarded.length - hops] ?? forwarded[0];
    if (candidate && isIP(stripPort(candidate))) return stripPort(candidate);
  }
  return socket ? stripPort(socket) : "unknown";
}

/** `[2001:db8::1]:443` → `2001:db8::1`, `192.0.2.1:80` → `192.0.2.1`; a bare address as it is. */
function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4 ? v4[1]! : address;
}

/**
 * The key rate limits count a client under: an IPv4 address as it is (an IPv4-mapped IPv6 address
 * too), an IPv6 address by its /64, since one subscriber is usually given a whole /64 and can
 * change addresses inside it at will.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
