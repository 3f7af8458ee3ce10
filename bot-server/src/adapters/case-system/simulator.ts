import { Hono } from "hono";
import type { Context } from "hono";
import { z } from "zod";
import { CASE_NOTE_MAX_CHARS, caseDossierSchema, canonicalJson, isoDate, zodIssuesToFields, type CaseDossier, type CaseStatusCallback, type CaseStatus } from "@hccd/shared";

interface Accepted {
  caseId: string;
  receiptNo: string;
  body: string;
  dossier: CaseDossier;
}

/** What an officer asks the citizen for (`need_more_info`): the note, and the last day to answer if set. */
export interface MoreInfoRequest {
  note: string;
  respondBy?: string;
}

interface CaseState {
  caseId: string;
  receiptNo: string;
  /** True while the case waits for a supplement. */
  awaiting: boolean;
  supplements: CaseDossier[];
}

/** The steps a simulated case walks through after it is accepted. */
const WALK: CaseStatus[] = ["received", "processing", "completed"];
/** A case whose officer asks for more stops there until a supplement arrives, then goes on. */
const WALK_ASKING: CaseStatus[] = ["received", "need_more_info"];
const WALK_AFTER_SUPPLEMENT: CaseStatus[] = ["processing", "completed"];
const CALLBACK_RETRIES = 5;

/**
 * A stand-in for the provincial case system (contract 3): accepts dossiers idempotently on the
 * `Idempotency-Key`, then walks each case `received → processing → completed`, `stepMs` apart,
 * calling `deliverStatus` for each step (and retrying a failed callback, as the real system does).
 * Told to (`askForMoreInfo`), the next new case stops at `need_more_info` with the officer's note
 * until a supplement reaches it (`POST /dossiers/{caseId}/supplements`), then walks on
 * `processing → completed`.
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
  const supplementsByKey = new Map<string, Accepted>();
  const cases = new Map<string, CaseState>();
  const asks: MoreInfoRequest[] = [];
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

  function walk(caseId: string, steps: CaseStatus[], ask?: MoreInfoRequest): void {
    const run = (async () => {
      for (const status of steps) {
        await sleep(stepMs);
        if (closed) return;
        const at = new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + "+07:00";
        if (status === "need_more_info") {
          const state = cases.get(caseId);
          if (state) state.awaiting = true;
        }
        const extra = status === "completed" ? { resultRef: `GKS-${caseId}` } : status === "need_more_info" && ask ? { note: ask.note, ...(ask.respondBy ? { respondBy: ask.respondBy } : {}) } : {};
        await deliverWithRetry({ caseId, status, at, ...extra });
      }
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  /** What every request goes through: counted, the simulated outage, the key, a readable dossier. */
  async function readDossier(c: Context): Promise<{ key: string; dossier: CaseDossier; body: string } | Response> {
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
    return { key, dossier: parsed.data, body: canonicalJson(parsed.data) };
  }

  const api = new Hono();
  api.post("/dossiers", async (c) => {
    const read = await readDossier(c);
    if (read instanceof Response) return read;
    const { key, body } = read;
    const known = byKey.get(key);
    if (known) {
      if (known.body !== body) return c.json({ error: { code: "idempotency_conflict", message: "this Idempotency-Key was used with a different dossier" } }, 409);
      return c.json({ caseId: known.caseId, receiptNo: known.receiptNo }, 200);
    }
    seq++;
    const day = new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, "");
    const entry: Accepted = { caseId: `CASE-${day}-${String(seq).padStart(5, "0")}`, receiptNo: `000.00.72.H61-${day}-${String(seq).padStart(4, "0")}`, body, dossier: read.dossier };
    byKey.set(key, entry);
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
    cases.set(entry.caseId, { caseId: entry.caseId, receiptNo: entry.receiptNo, awaiting: false, supplements: [] });
    const ask = asks.shift();
    walk(entry.caseId, ask ? WALK_ASKING : WALK, ask);
    return c.json({ caseId: entry.caseId, receiptNo: entry.receiptNo }, 201);
  });
  api.post("/dossiers/:caseId/supplements", async (c) => {
    const read = await readDossier(c);
    if (read instanceof Response) return read;
    const { key, body } = read;
    const state = cases.get(c.req.param("caseId"));
    if (!state) return c.json({ error: { code: "not_found", message: "no such case" } }, 404);
    const known = supplementsByKey.get(key);
    if (known) {
      if (known.body !== body || known.caseId !== state.caseId) return c.json({ error: { code: "idempotency_conflict", message: "this Idempotency-Key was used with a different supplement" } }, 409);
      return c.json({ caseId: state.caseId, receiptNo: state.receiptNo }, 200);
    }
    if (!state.awaiting) return c.json({ error: { code: "not_awaiting_supplement", message: "this case is not waiting for more information" } }, 409);
    state.awaiting = false;
    state.supplements.push(read.dossier);
    supplementsByKey.set(key, { caseId: state.caseId, receiptNo: state.receiptNo, body, dossier: read.dossier });
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
    walk(state.caseId, WALK_AFTER_SUPPLEMENT);
    return c.json({ caseId: state.caseId, receiptNo: state.receiptNo }, 201);
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
    /** Supplements a case received, in order. */
    supplements: (caseId: string): CaseDossier[] => [...(cases.get(caseId)?.supplements ?? [])],
    /** The next new case stops at `need_more_info` with this request (once per call). */
    askForMoreInfo(request: MoreInfoRequest) {
      asks.push(request);
    },
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

const moreInfoRequestSchema = z.object({
  note: z.string().min(1, "must not be empty").max(CASE_NOTE_MAX_CHARS, `must be at most ${CASE_NOTE_MAX_CHARS} characters`),
  respondBy: isoDate.optional(),
});

/**
 * The simulator's own routes under `/sim/case-system` (dev and tests): `POST /ask-more-info`
 * `{note, respondBy?}` makes the next new case stop at `need_more_info` with that request.
 */
export function createCaseSimRoutes(sim: Pick<CaseSystemSimulator, "askForMoreInfo">) {
  const app = new Hono();
  app.post("/ask-more-info", async (c) => {
    const parsed = moreInfoRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { code: "validation_failed", message: "invalid request", fields: zodIssuesToFields(parsed.error.issues) } }, 422);
    sim.askForMoreInfo({ note: parsed.data.note, ...(parsed.data.respondBy ? { respondBy: parsed.data.respondBy } : {}) });
    return c.json({ armed: true }, 202);
  });
  return app;
}
