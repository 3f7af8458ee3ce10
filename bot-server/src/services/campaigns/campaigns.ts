import { CS_WINDOW_MS, campaignEligibility, campaignReach, whyNobodyReceives, maskPhone, nextSendableAt, normalizeVnPhone, serviceByKey, type CampaignAudience, type CampaignCounts, type CampaignInput, type CampaignSummary, type FieldError, type Language } from "@hccd/shared";
import {
  audienceBatch,
  campaignRecipientTally,
  cancelCampaignMessages,
  findZaloUsersReachableAt,
  getCampaign,
  getWard,
  holdCampaignMessages,
  insertCampaign,
  isInAudience,
  listCampaigns,
  recipientDetails,
  releaseCampaignMessages,
  updateCampaignIf,
  type CampaignRow,
  type CampaignStatus,
  type StaffUser,
  type schema,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { conflict, DomainError, notFound, validationFailed } from "../../errors.js";
import { audit } from "../staff/audit.js";
import type { BackgroundJobs } from "../jobs/background-jobs.js";
import { advanceCampaign, audienceQuery, campaignMessageFor, enqueueCampaignMessage } from "./campaign-dispatch.js";

export type { CampaignRow };
/** A campaign's target group as stored: only the filters staff set. */
export type CampaignFilters = schema.CampaignFilterRow;

/** A refusal of one field with a stable code the console words in the staff member's language. */
const fieldRefusal = (code: string, path: string, message: string) => new DomainError(422, code, `${path} ${message}`, [{ path, message }]);

type Ctx = { staff: StaffUser; requestId?: string | undefined };
const actor = (s: StaffUser) => ({ kind: "staff" as const, id: s.id });
const req = (ctx: Ctx) => (ctx.requestId ? { requestId: ctx.requestId } : {});

/** A reference in the target group that does not exist (a ward or service code mistyped in the API). */
export async function campaignReferenceProblems(deps: Pick<ServiceDeps, "db">, input: CampaignInput): Promise<(FieldError & { code: "unknownWard" | "unknownService" })[]> {
  const out: (FieldError & { code: "unknownWard" | "unknownService" })[] = [];
  if (input.filters.wardCode && !(await getWard(deps.db, input.filters.wardCode))) out.push({ path: "filters.wardCode", message: `is not a ward of the province (${input.filters.wardCode})`, code: "unknownWard" });
  if (input.filters.serviceKey && !serviceByKey(input.filters.serviceKey)) out.push({ path: "filters.serviceKey", message: `is not a service of the catalogue (${input.filters.serviceKey})`, code: "unknownService" });
  return out;
}

/** The target group as a form or a request gives it (unset filters absent or undefined), as stored. */
export function campaignFilters(f: CampaignInput["filters"]): CampaignFilters {
  const row: CampaignFilters = {};
  if (f.wardCode) row.wardCode = f.wardCode;
  if (f.serviceKey) row.serviceKey = f.serviceKey;
  if (f.ageBand) row.ageBand = f.ageBand;
  if (f.holderKind) row.holderKind = f.holderKind;
  if (f.follower !== undefined) row.follower = f.follower;
  if (f.language) row.language = f.language;
  return row;
}

async function checkRefs(deps: Pick<ServiceDeps, "db">, input: CampaignInput): Promise<void> {
  const problems = await campaignReferenceProblems(deps, input);
  if (problems.length) throw validationFailed(problems.map(({ path, message }) => ({ path, message })));
}

/** Composes a draft. */
export async function createCampaign(deps: ServiceDeps, ctx: Ctx, input: CampaignInput): Promise<CampaignRow> {
  await checkRefs(deps, input);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await insertCampaign(tx, { id: deps.newId(), name: input.name, bodyVi: input.bodyVi, bodyEn: input.bodyEn, linkUrl: input.linkUrl ?? null, filters: campaignFilters(input.filters), status: "draft", createdBy: ctx.staff.id, updatedAt: now });
    await audit(tx, { at: now, actor: actor(ctx.staff), action: "campaign.created", target: { kind: "campaign", id: row.id }, ...req(ctx), details: { name: row.name, filters: row.filters } });
    return row;
  });
}

/** Edits a draft: once scheduled or sent, a campaign's words and audience are what was sent. */
export async function updateCampaign(deps: ServiceDeps, ctx: Ctx, id: string, input: CampaignInput): Promise<CampaignRow> {
  await checkRefs(deps, input);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await requireCampaign(tx, id);
    const row = await updateCampaignIf(tx, id, ["draft"], { name: input.name, bodyVi: input.bodyVi, bodyEn: input.bodyEn, linkUrl: input.linkUrl ?? null, filters: campaignFilters(input.filters), updatedAt: now });
    if (!row) throw conflict("campaign_not_draft", `only a draft can be edited (this campaign is ${before.status})`);
    await audit(tx, { at: now, actor: actor(ctx.staff), action: "campaign.updated", target: { kind: "campaign", id }, ...req(ctx), details: { filters: row.filters } });
    return row;
  });
}

async function requireCampaign(db: ServiceDeps["db"], id: string): Promise<CampaignRow> {
  const c = await getCampaign(db, id);
  if (!c) throw notFound("campaign");
  return c;
}

export async function readCampaign(deps: Pick<ServiceDeps, "db">, id: string): Promise<CampaignRow> {
  return requireCampaign(deps.db, id);
}

/** The exact counts of a campaign, from its recipients and their messages. */
export async function campaignCounts(deps: Pick<ServiceDeps, "db">, id: string): Promise<CampaignCounts> {
  const counts: CampaignCounts = { recipients: 0, waiting: 0, queued: 0, sent: 0, delivered: 0, failed: 0, optedOut: 0, unreachable: 0, cancelled: 0 };
  for (const r of await campaignRecipientTally(deps.db, id)) {
    counts.recipients += r.count;
    if (r.recipientStatus === "pending") counts.waiting += r.count;
    else if (r.recipientStatus === "opted_out") counts.optedOut += r.count;
    else if (r.recipientStatus === "unreachable") counts.unreachable += r.count;
    else if (r.recipientStatus === "cancelled") counts.cancelled += r.count;
    else if (r.outboxStatus === "pending" || r.outboxStatus === "sending" || r.outboxStatus === "held") counts.queued += r.count;
    else if (r.outboxStatus === "sent") counts.sent += r.count;
    else if (r.outboxStatus === "delivered") {
      counts.sent += r.count;
      counts.delivered += r.count;
    } else if (r.outboxStatus === "failed") counts.failed += r.count;
    else if (r.outboxStatus === "cancelled") counts.cancelled += r.count;
  }
  return counts;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export async function campaignSummary(deps: Pick<ServiceDeps, "db">, c: CampaignRow): Promise<CampaignSummary> {
  return {
    id: c.id, name: c.name, bodyVi: c.bodyVi, bodyEn: c.bodyEn, linkUrl: c.linkUrl, filters: c.filters, status: c.status,
    scheduledAt: iso(c.scheduledAt), startedAt: iso(c.startedAt), completedAt: iso(c.completedAt), cancelledAt: iso(c.cancelledAt),
    createdBy: c.createdBy, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(), counts: await campaignCounts(deps, c.id),
  };
}

export async function listCampaignSummaries(deps: Pick<ServiceDeps, "db">, opts: { limit?: number } = {}): Promise<CampaignSummary[]> {
  const rows = await listCampaigns(deps.db, { limit: opts.limit ?? 100 });
  const out: CampaignSummary[] = [];
  for (const c of rows) out.push(await campaignSummary(deps, c));
  return out;
}

/**
 * The audience of a target group as it stands now: how many match, and of them how many would get
 * the message, have opted out, or cannot be reached by an OA message. Counts only: no one's data
 * leaves this function, so it is not an audited read.
 */
export async function audienceSize(deps: Pick<ServiceDeps, "db" | "now">, filters: CampaignFilters, opts: { untilOneReceives?: boolean } = {}): Promise<CampaignAudience> {
  const now = deps.now();
  const q = audienceQuery(filters, now);
  const out: CampaignAudience = { matched: 0, willReceive: 0, optedOut: 0, unreachable: 0, notFollowing: 0, outsideWindow: 0, nobodyReachableBecause: [] };
  let after: string | null = null;
  for (;;) {
    const batch = await audienceBatch(deps.db, q, { after, limit: 2000 });
    for (const m of batch) {
      out.matched++;
      const reach = campaignReach(m, { now, serviceKey: filters.serviceKey });
      if (reach === "send") out.willReceive++;
      else if (reach === "opted_out") out.optedOut++;
      else {
        out.unreachable++;
        if (reach === "not_following") out.notFollowing++;
        else out.outsideWindow++;
      }
    }
    // Sending only needs to know that someone receives it: the counts stop there (they are partial).
    if (batch.length < 2000 || (opts.untilOneReceives && out.willReceive > 0)) return { ...out, nobodyReachableBecause: whyNobodyReceives(out) };
    after = batch.at(-1)!.id;
  }
}

/** Why nobody can receive a campaign, in the API's words (the console words it from the audience itself). */
function nobodyReachableText(a: CampaignAudience): string {
  const why = a.nobodyReachableBecause.map((g) =>
    g === "no_match" ? "no Zalo user matches the target group"
    : g === "opted_out" ? `${a.optedOut} opted out`
    : g === "not_following" ? `${a.notFollowing} do not follow the OA`
    : `${a.outsideWindow} have not written to the OA in the last 7 days (Zalo refuses OA messages then)`,
  );
  return `nobody in the target group can receive it now: ${why.join("; ")}`;
}

/**
 * The campaign's audience as it stands, refused when nobody in it could receive the campaign now.
 * Sending now to nobody is refused outright: nothing would go out and the campaign would be spent
 * (completed, never to be edited or sent again). A schedule is allowed once staff confirm it: the
 * audience is fixed only when the campaign starts, and by then followers may have written to the
 * OA (the 7-day window) or been imported.
 */
async function requireReachable(deps: Pick<ServiceDeps, "db" | "now">, c: CampaignRow, opts: { confirmed?: boolean | undefined; field?: string }): Promise<void> {
  if (opts.confirmed) return;
  const a = await audienceSize(deps, c.filters, { untilOneReceives: true });
  if (a.willReceive > 0) return;
  const message = nobodyReachableText(a);
  if (opts.field) throw new DomainError(422, "campaign_audience_empty", `${opts.field} must be true to schedule it anyway: ${message}`, [{ path: opts.field, message: `must be true to schedule it anyway: ${message}` }]);
  throw new DomainError(409, "campaign_audience_empty", `${message}; schedule it for later instead, when the audience is fixed`);
}

/** A few of the campaign's would-be recipients to preview (name as on Zalo, masked phone): an audited read. */
export async function previewCandidates(deps: ServiceDeps, ctx: Ctx, id: string, limit = 20): Promise<{ zaloUserId: string; label: string; language: Language }[]> {
  const c = await requireCampaign(deps.db, id);
  const now = deps.now();
  const members = (await audienceBatch(deps.db, audienceQuery(c.filters, now), { after: null, limit: limit * 5 })).filter((m) => campaignEligibility(m, { now, serviceKey: c.filters.serviceKey }) === "send").slice(0, limit);
  await audit(deps.db, { at: now, actor: actor(ctx.staff), action: "campaign.audience_listed", target: { kind: "campaign", id }, ...req(ctx), details: { zaloUserIds: members.map((m) => m.id) } });
  return members.map((m) => ({ zaloUserId: m.id, label: `${m.displayName ?? "—"}${m.phone ? ` · ${maskPhone(m.phone)}` : ""}`, language: m.language }));
}

/** Exactly what one audience member would get, in their language. Reads their data: audited. */
export async function previewCampaign(deps: ServiceDeps, ctx: Ctx, id: string, zaloUserId: string): Promise<{ zaloUserId: string; language: Language; text: string; link: string | null }> {
  const c = await requireCampaign(deps.db, id);
  const now = deps.now();
  const r = await recipientDetails(deps.db, zaloUserId);
  if (!r || !(await isInAudience(deps.db, audienceQuery(c.filters, now), zaloUserId))) throw fieldRefusal("campaign_not_in_audience", "zaloUserId", "is not in this campaign's target group");
  const m = campaignMessageFor(c, r);
  await audit(deps.db, { at: now, actor: actor(ctx.staff), action: "campaign.previewed", target: { kind: "zalo_user", id: zaloUserId }, ...req(ctx), details: { campaignId: id } });
  return { zaloUserId, language: m.language, text: m.text, link: c.linkUrl };
}

/**
 * Sends the campaign to the staff member's own Zalo, marked as a test and not counted: they give
 * their phone, linked in the system to a Zalo user who follows the OA and wrote to it within 7 days.
 * The message is rendered with that user's own data, in their language.
 */
export async function testSendCampaign(deps: ServiceDeps, ctx: Ctx, id: string, phoneInput: string): Promise<{ outboxId: string; language: Language; deferredUntil: Date | null }> {
  const c = await requireCampaign(deps.db, id);
  const phone = normalizeVnPhone(phoneInput);
  if (!phone.ok) throw fieldRefusal("campaign_test_bad_phone", "phone", "is not a Vietnamese mobile number");
  const now = deps.now();
  // A test message discloses nothing about the phone's owner: a phone typed into the OA's form reaches them too.
  const users = await findZaloUsersReachableAt(deps.db, phone.value);
  const user = users.filter((u) => u.oaUserId && u.follower).sort((a, b) => (b.lastInteractionAt?.getTime() ?? 0) - (a.lastInteractionAt?.getTime() ?? 0))[0];
  if (!user) throw fieldRefusal("campaign_test_not_follower", "phone", "is not linked to a Zalo user who follows the OA (open the OA in Zalo, follow it and share this phone number first)");
  if (!user.lastInteractionAt || now.getTime() - user.lastInteractionAt.getTime() >= CS_WINDOW_MS) throw fieldRefusal("campaign_test_outside_window", "phone", "belongs to a Zalo user who has not written to the OA in the last 7 days (Zalo refuses the message): send the OA a message first");
  const r = (await recipientDetails(deps.db, user.id))!;
  return deps.db.transaction(async (tx) => {
    const sent = await enqueueCampaignMessage(tx, {
      config: deps.config, now, newId: deps.newId, campaignId: id, recipient: { ...r, oaUserId: user.oaUserId! },
      idempotencyKey: `campaign-test:${id}:${deps.newId()}`, message: campaignMessageFor(c, r, { test: true }), test: true,
    });
    await audit(tx, { at: now, actor: actor(ctx.staff), action: "campaign.test_sent", target: { kind: "zalo_user", id: user.id }, ...req(ctx), details: { campaignId: id, phone: maskPhone(phone.value) } });
    return { outboxId: sent.outboxId, language: r.language, deferredUntil: sent.dueAt.getTime() > now.getTime() ? sent.dueAt : null };
  });
}

/** `YYYY-MM-DDTHH:mm` in Vietnam → the instant. */
export function vietnamLocalToInstant(local: string): Date {
  return new Date(`${local}:00+07:00`);
}

/**
 * Schedules a draft for a time in Vietnam: in the future, and outside quiet hours (nothing goes out
 * then). When nobody in the target group can receive it now, only with `confirmEmptyAudience`.
 */
export async function scheduleCampaign(deps: ServiceDeps, ctx: Ctx, id: string, local: string, opts: { confirmEmptyAudience?: boolean | undefined } = {}): Promise<CampaignRow> {
  const at = vietnamLocalToInstant(local);
  const now = deps.now();
  if (Number.isNaN(at.getTime())) throw fieldRefusal("campaign_schedule_invalid", "at", "is not a date and time");
  if (at.getTime() <= now.getTime()) throw fieldRefusal("campaign_schedule_past", "at", "is in the past: pick a time from now on (Vietnam time)");
  if (nextSendableAt(at, deps.config.QUIET_HOURS).getTime() !== at.getTime()) {
    const q = deps.config.QUIET_HOURS;
    throw fieldRefusal("campaign_schedule_quiet", "at", `falls in quiet hours (${q.startHour}:00–${q.endHour}:00 Vietnam time), when nothing is sent`);
  }
  const before = await requireCampaign(deps.db, id);
  if (before.status === "draft") await requireReachable(deps, before, { confirmed: opts.confirmEmptyAudience, field: "confirmEmptyAudience" });
  return deps.db.transaction(async (tx) => {
    const before = await requireCampaign(tx, id);
    const row = await updateCampaignIf(tx, id, ["draft", "scheduled"], { status: "scheduled", scheduledAt: at, updatedAt: now });
    if (!row) throw conflict("campaign_not_draft", `only a draft can be scheduled (this campaign is ${before.status})`);
    await audit(tx, { at: now, actor: actor(ctx.staff), action: "campaign.scheduled", target: { kind: "campaign", id }, ...req(ctx), details: { scheduledAt: at.toISOString() } });
    return row;
  });
}

/** A scheduled campaign back to draft (to edit it). */
export async function unscheduleCampaign(deps: ServiceDeps, ctx: Ctx, id: string): Promise<CampaignRow> {
  return deps.db.transaction((tx) => transition({ ...deps, db: tx }, ctx, id, ["scheduled"], { status: "draft", scheduledAt: null }, "campaign.unscheduled"));
}

/**
 * Sends now: the campaign starts, its audience is recorded in the background (batches) and the
 * first wave goes to the outbox; the campaign scheduler feeds the next waves.
 */
export async function sendCampaignNow(deps: ServiceDeps & { jobs: BackgroundJobs }, ctx: Ctx, id: string): Promise<CampaignRow> {
  const before = await requireCampaign(deps.db, id);
  if (before.status === "draft" || before.status === "scheduled") await requireReachable(deps, before, {});
  const now = deps.now();
  const row = await deps.db.transaction((tx) => transition({ ...deps, db: tx }, ctx, id, ["draft", "scheduled"], { status: "sending", startedAt: now }, "campaign.started"));
  deps.jobs.run(`campaign ${id}`, () => advanceCampaign(deps, id));
  return row;
}

/** Pause: no new wave, and the campaign's messages not yet handed to Zalo wait. */
export async function pauseCampaign(deps: ServiceDeps, ctx: Ctx, id: string): Promise<CampaignRow> {
  return deps.db.transaction((tx) => transition({ ...deps, db: tx }, ctx, id, ["sending"], { status: "paused" }, "campaign.paused", async (n) => ({ held: await holdCampaignMessages(tx, id, n) })));
}

/** Resume: held messages go again (at the end of quiet hours if it is night), the next waves follow. */
export async function resumeCampaign(deps: ServiceDeps & { jobs: BackgroundJobs }, ctx: Ctx, id: string): Promise<CampaignRow> {
  const row = await deps.db.transaction((tx) =>
    transition({ ...deps, db: tx }, ctx, id, ["paused"], { status: "sending" }, "campaign.resumed", async (n) => ({ released: await releaseCampaignMessages(tx, id, nextSendableAt(n, deps.config.QUIET_HOURS), n) })),
  );
  deps.jobs.run(`campaign ${id}`, () => advanceCampaign(deps, id));
  return row;
}

/** Cancel: what is not yet sent is not sent; what was sent stays counted. */
export async function cancelCampaign(deps: ServiceDeps, ctx: Ctx, id: string): Promise<CampaignRow> {
  return deps.db.transaction((tx) =>
    transition({ ...deps, db: tx }, ctx, id, ["draft", "scheduled", "sending", "paused"], { status: "cancelled", cancelledAt: deps.now() }, "campaign.cancelled", (n) => cancelCampaignMessages(tx, id, n)),
  );
}

/** Moves a campaign from one of `from` to `patch` inside the caller's transaction (`deps.db` is the tx), with its effect and audit entry. */
async function transition(deps: ServiceDeps, ctx: Ctx, id: string, from: readonly CampaignStatus[], patch: Partial<CampaignRow>, action: string, effect?: (now: Date) => Promise<Record<string, unknown>>): Promise<CampaignRow> {
  const now = deps.now();
  const before = await requireCampaign(deps.db, id);
  const row = await updateCampaignIf(deps.db, id, from, { ...patch, updatedAt: now });
  if (!row) throw conflict("campaign_wrong_status", `the campaign is ${before.status}: it cannot be ${action.replace("campaign.", "")} now`);
  const details = (await effect?.(now)) ?? {};
  await audit(deps.db, { at: now, actor: actor(ctx.staff), action, target: { kind: "campaign", id }, ...req(ctx), details });
  return row;
}
