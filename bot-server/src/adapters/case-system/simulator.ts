import { Hono } from "hono";
import { caseDossierSchema, canonicalJson, zodIssuesToFields, type CaseDossier, type CaseStatusCallback, type CaseStatus } from "@hccd/shared";

interface Accepted {
  caseId: string;
  receiptNo: string;
  body: string;
  dossier: CaseDossier;
}

/** The steps a simulated case walks through after it is accepted. */
const WALK: CaseStatus[] = ["received", "processing", "completed"];
const CALLBACK_RETRIES = 5;

/**
 * A stand-in for the provincial case system (contract 3): accepts dossiers idempotently on the
 * `Idempotency-Key`, then walks each case `received → processing → completed`, `stepMs` apart,
 * calling `deliverStatus` for each step (and retrying a failed callback, as the real system does).
 */
export function createCaseSystemSimulator(opts: {
  stepMs?: number;
  deliverStatus: (cb: CaseStatusCallback) => Promise<void>;
  now?: () => Date;
  /** Make the first `failNext` requests answer 503 (same as calling `failNextRequests(n)`). */
  failNext?: number;
}) {
  const stepMs = opts.stepMs ?? 0;
  const now = opts.now ?? (() => new Date());
  const byKey = new Map<string, Accepted>();
  const requests = new Map<string, number>();
  const accepted = new Map<string, number>();
  const timers = new Map<NodeJS.Timeout, () => void>();
  const pending = new Set<Promise<void>>();
  let failures: { remaining: number; status: number } = { remaining: opts.failNext ?? 0, status: 503 };
  const undelivered: CaseStatusCallback[] = [];
  let seq = 0;
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.set(t, resolve);
    });

  /** The real case system retries a failed callback a few times, backing off; so do we. */
  async function deliverWithRetry(cb: CaseStatusCallback): Promise<void> {
    for (let attempt = 1; attempt <= CALLBACK_RETRIES && !closed; attempt++) {
      try {
        await opts.deliverStatus(cb);
        return;
      } catch {
        if (attempt < CALLBACK_RETRIES) await sleep(20 * attempt);
      }
    }
    if (!closed) undelivered.push(cb);
  }

  function walk(caseId: string): void {
    const run = (async () => {
      for (const status of WALK) {
        await sleep(stepMs);
        if (closed) return;
        const at = new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + "+07:00";
        await deliverWithRetry({ caseId, status, at, ...(status === "completed" ? { resultRef: `GKS-${caseId}` } : {}) });
      }
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  const api = new Hono();
  api.post("/dossiers", async (c) => {
    const key = c.req.header("idempotency-key");
    if (key) requests.set(key, (requests.get(key) ?? 0) + 1);
    if (failures.remaining > 0) {
      failures.remaining--;
      return c.json({ error: { code: "unavailable", message: "simulated outage" } }, failures.status as 503);
    }
    if (!key) return c.json({ error: { code: "validation_failed", message: "Idempotency-Key header is required" } }, 400);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ error: { code: "bad_request", message: "body is not JSON" } }, 400);
    }
    const parsed = caseDossierSchema.safeParse(raw);
    if (!parsed.success) return c.json({ error: { code: "validation_failed", message: "invalid dossier", fields: zodIssuesToFields(parsed.error.issues) } }, 422);
    const body = canonicalJson(parsed.data);
    const known = byKey.get(key);
    if (known) {
      if (known.body !== body) return c.json({ error: { code: "idempotency_conflict", message: "this Idempotency-Key was used with a different dossier" } }, 409);
      return c.json({ caseId: known.caseId, receiptNo: known.receiptNo }, 200);
    }
    seq++;
    const day = new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, "");
    const entry: Accepted = { caseId: `CASE-${day}-${String(seq).padStart(5, "0")}`, receiptNo: `000.00.72.H61-${day}-${String(seq).padStart(4, "0")}`, body, dossier: parsed.data };
    byKey.set(key, entry);
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
    walk(entry.caseId);
    return c.json({ caseId: entry.caseId, receiptNo: entry.receiptNo }, 201);
  });

  return {
    api,
    /** Dossiers accepted, in order. */
    dossiers: (): CaseDossier[] => [...byKey.values()].map((a) => a.dossier),
    /** How many distinct cases were opened for this key: must stay at most 1. */
    acceptedCount: (key: string) => accepted.get(key) ?? 0,
    /** How many requests arrived with this key (retries included). */
    requestCount: (key: string) => requests.get(key) ?? 0,
    /** Callbacks still failing after every retry (the walk goes on to the next step regardless). */
    undelivered: (): CaseStatusCallback[] => [...undelivered],
    /** Makes the next `n` requests fail with `status` (retry tests). */
    failNextRequests(n: number, status = 503) {
      failures = { remaining: n, status };
    },
    /** Resolves when every scheduled status callback has been delivered. */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    /** Stops the walks: pending timers are cancelled and no further callback is made. */
    close() {
      closed = true;
      // Wake every sleeping walk so it sees `closed` and ends: idle() never hangs after close.
      for (const [t, wake] of timers) {
        clearTimeout(t);
        wake();
      }
      timers.clear();
    },
  };
}

export type CaseSystemSimulator = ReturnType<typeof createCaseSystemSimulator>;
