import { Hono } from "hono";
import { z } from "zod";
import { normalizeVnPhone, zodIssuesToFields } from "@hccd/shared";
import { signSmsReport, smsText, type SmsDeliveryReport } from "./types.js";

export interface SimSms {
  id: string;
  phone: string;
  text: string;
  brandname: string;
  clientRef: string;
  segments: number;
  acceptedAt: string;
}

const sendBody = z.object({
  to: z.string().regex(/^84\d{9}$/, "must be a Vietnamese mobile number in the 84… form"),
  text: z.string().min(1).max(1000),
  brandname: z.string().min(1).max(11),
  client_ref: z.string().min(1).max(100),
});

/**
 * A stand-in for a brandname SMS gateway, speaking the wire format `createHttpSmsClient` speaks.
 * It keeps what was delivered, dedupes by `client_ref` (a repeated reference answers `409` with the
 * first message and is not delivered again), refuses numbers no network serves (`8400…`), and can
 * be told to fail the next requests, transiently (503) or permanently (422).
 */
export function createSmsSimulator(
  opts: {
    now?: () => Date;
    apiKey?: string;
    /** Where delivery reports go, signed with `reportSecret` (as a gateway posts them to our webhook). */
    deliverReport?: (rawBody: string, signature: string) => Promise<void>;
    reportSecret?: string;
  } = {},
) {
  const now = opts.now ?? (() => new Date());
  const apiKey = opts.apiKey ?? "sim-sms-key";
  let delivered: SimSms[] = [];
  const byRef = new Map<string, SimSms>();
  const failures: ("transient" | "permanent")[] = [];
  /** Numbers the operator accepts but cannot reach: their report says `failed`. */
  const unreachable = new Set<string>();
  const reports = new Set<Promise<void>>();
  function report(msg: SimSms) {
    if (!opts.deliverReport) return;
    const r: SmsDeliveryReport = unreachable.has(msg.phone)
      ? { message_id: msg.id, client_ref: msg.clientRef, status: "failed", error: "subscriber unreachable", at: now().toISOString() }
      : { message_id: msg.id, client_ref: msg.clientRef, status: "delivered", at: now().toISOString() };
    const raw = JSON.stringify(r);
    // After the 202, like a real operator: the report is its own request.
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => opts.deliverReport!(raw, signSmsReport(raw, opts.reportSecret ?? "")))
      .catch(() => undefined)
      .finally(() => reports.delete(p));
    reports.add(p);
  }
  let seq = 0;

  const api = new Hono();
  api.post("/v1/messages", async (c) => {
    if (c.req.header("authorization") !== `Bearer ${apiKey}`) return c.json({ error: { code: "unauthorized", message: "invalid API key" } }, 401);
    const parsed = sendBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { code: "validation_failed", message: "invalid request", fields: zodIssuesToFields(parsed.error.issues) } }, 422);
    const b = parsed.data;
    const previous = byRef.get(b.client_ref);
    const accepted = (m: SimSms) => ({ message_id: m.id, accepted_at: m.acceptedAt, segments: m.segments });
    if (previous) return c.json(accepted(previous), 409);
    const failure = failures.shift();
    if (failure === "transient") return c.json({ error: { code: "unavailable", message: "gateway busy" } }, 503);
    if (failure === "permanent") return c.json({ error: { code: "rejected", message: "message rejected by the operator" } }, 422);
    if (b.to.startsWith("8400")) return c.json({ error: { code: "invalid_number", message: `no network serves ${b.to}` } }, 422);
    const msg: SimSms = { id: `sms${(++seq).toString(36)}${Date.now().toString(36)}`, phone: b.to, text: b.text, brandname: b.brandname, clientRef: b.client_ref, segments: smsText(b.text).segments, acceptedAt: now().toISOString() };
    delivered.push(msg);
    byRef.set(b.client_ref, msg);
    report(msg);
    return c.json(accepted(msg), 202);
  });

  return {
    api,
    apiKey,
    /** SMS delivered, oldest first, optionally to one phone (any common form). */
    messages(filter: { phone?: string } = {}): SimSms[] {
      const p = filter.phone ? normalizeVnPhone(filter.phone) : null;
      return delivered.filter((m) => !p || (p.ok && m.phone === p.value));
    },
    /** Deliveries per client reference: a retry must never make one more than 1. */
    deliveriesPerClientRef(): Map<string, number> {
      const counts = new Map<string, number>();
      for (const m of delivered) counts.set(m.clientRef, (counts.get(m.clientRef) ?? 0) + 1);
      return counts;
    },
    /** The operator accepts messages to this number but cannot deliver them (report: failed). */
    setUnreachable(phone: string) {
      const p = normalizeVnPhone(phone);
      if (!p.ok) throw new Error(`not a Vietnamese mobile number: ${phone}`);
      unreachable.add(p.value);
    },
    /** Waits for the delivery reports on their way. */
    async idle() {
      while (reports.size) await Promise.all([...reports]);
    },
    /** The next `n` requests fail this way (then the gateway is well again). */
    failNext(n: number, kind: "transient" | "permanent") {
      for (let i = 0; i < n; i++) failures.push(kind);
    },
    reset() {
      delivered = [];
      byRef.clear();
      failures.length = 0;
    },
  };
}

export type SmsSimulator = ReturnType<typeof createSmsSimulator>;

/** The simulator's own routes (`/sim/sms`, sim mode only): what was delivered, and delivery counts. */
export function createSmsSimRoutes(sim: SmsSimulator) {
  const app = new Hono();
  app.get("/messages", (c) => {
    const phone = c.req.query("phone");
    if (phone && !normalizeVnPhone(phone).ok) return c.json({ error: { code: "validation_failed", message: "invalid phone", fields: [{ path: "phone", message: "is not a Vietnamese mobile number" }] } }, 422);
    return c.json({ messages: sim.messages(phone ? { phone } : {}) });
  });
  app.get("/stats", (c) => {
    const counts = sim.deliveriesPerClientRef();
    return c.json({ deliveries: sim.messages().length, byClientRef: Object.fromEntries(counts) });
  });
  return app;
}
