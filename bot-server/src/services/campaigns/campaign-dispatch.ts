import { ageBandBirthRange, campaignEligibility, i18nFor, nextSendableAt, renderCampaignBody, serviceByKey, vietnamDate, type AgeBand, type Language } from "@hccd/shared";
import {
  audienceBatch,
  enqueueOutbox,
  getCampaign,
  insertCampaignRecipients,
  markRecipientExcluded,
  markRecipientQueued,
  openCampaignMessages,
  pendingRecipientCount,
  pendingRecipients,
  updateCampaignIf,
  dueScheduledCampaigns,
  campaignsInStatus,
  type AudienceQuery,
  type CampaignRow,
  type Db,
  type RecipientDetails,
} from "@hccd/db";
import type { schema } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { OaButton } from "../../adapters/zalo/types.js";
import { recipientKeyOf, type NotificationPayload } from "../delivery/notifications.js";
import { audit } from "../staff/audit.js";
import type { TaskTimer } from "../jobs/periodic-task.js";
import { runOnceAcrossInstances, type LeaderOptions } from "../jobs/leader-lease.js";

/** Audience members recorded per transaction while a campaign is materialised. */
export const MATERIALISE_BATCH = 500;
/** Messages written to the outbox per transaction while a wave is fed. */
const FEED_BATCH = 500;

/** The target group's filters as the audience query takes them (an age band becomes dates of birth, on Vietnam's today). */
export function audienceQuery(filters: schema.CampaignFilterRow, now: Date): AudienceQuery {
  const range = filters.ageBand ? ageBandBirthRange(filters.ageBand as AgeBand, vietnamDate(now)) : null;
  return {
    wardCode: filters.wardCode, serviceKey: filters.serviceKey, holderKind: filters.holderKind, follower: filters.follower, language: filters.language,
    ...(range ? { bornOnOrBefore: range.bornOnOrBefore, bornOnOrAfter: range.bornOnOrAfter } : {}),
  };
}

/**
 * How many messages go to the outbox at a time: one minute of the OA throttle. The worker has no
 * notion of a campaign, so a whole audience queued at 20:45 would still be sending at 21:30;
 * minute-long waves, fed only outside quiet hours, stop a broadcast within a minute of 21:00
 * (an hour before Zalo's own 22:00 block).
 */
export function waveSize(config: ServiceDeps["config"]): number {
  return config.THROTTLE_OA_PER_SEC > 0 ? Math.max(100, Math.ceil(config.THROTTLE_OA_PER_SEC * 60)) : 10_000;
}

/** The text one recipient gets, in their language, with the link button. `test` marks a test-send. */
export function campaignMessageFor(c: Pick<CampaignRow, "bodyVi" | "bodyEn" | "linkUrl" | "filters">, r: Pick<RecipientDetails, "language" | "displayName" | "personName" | "wardName">, opts: { test?: boolean } = {}): { language: Language; text: string; buttons: OaButton[] } {
  const lang = r.language;
  const t = i18nFor(lang).t;
  const service = c.filters.serviceKey ? serviceByKey(c.filters.serviceKey)?.name[lang] ?? null : null;
  const body = renderCampaignBody(lang === "en" ? c.bodyEn : c.bodyVi, { name: r.displayName ?? r.personName, ward: r.wardName, service }, {
    name: t("notifications:campaign.fallbackName"),
    ward: t("notifications:campaign.fallbackWard"),
    service: t("notifications:campaign.fallbackService"),
  });
  const text = opts.test ? `${t("notifications:campaign.testMark")}\n${body}` : body;
  return { language: lang, text, buttons: c.linkUrl ? [{ type: "oa.open.url", title: t("notifications:campaign.button"), url: c.linkUrl }] : [] };
}

/**
 * Writes one campaign message to the outbox (an OA message: see `campaignEligibility`), due at once
 * or, in quiet hours, at their end. The payload carries the rendered text, so the worker sends it
 * without reading the campaign. Call inside the transaction that records the recipient as queued.
 */
export async function enqueueCampaignMessage(db: Db, input: { config: ServiceDeps["config"]; now: Date; newId: () => string; campaignId: string; recipient: RecipientDetails & { oaUserId: string }; idempotencyKey: string; message: { language: Language; text: string; buttons: OaButton[] }; test: boolean }): Promise<{ outboxId: string; created: boolean; dueAt: Date }> {
  const payload: NotificationPayload & { campaign: { id: string; test: boolean } } = {
    message: { type: "chat", text: input.message.text, buttons: input.message.buttons },
    recipient: { oaUserId: input.recipient.oaUserId, phone: input.recipient.phone, language: input.message.language },
    campaign: { id: input.campaignId, test: input.test },
  };
  const dueAt = nextSendableAt(input.now, input.config.QUIET_HOURS);
  const { row, created } = await enqueueOutbox(db, {
    id: input.newId(), kind: "notification", idempotencyKey: input.idempotencyKey, channel: "oa", fallbackChannels: [],
    // Campaign traffic gives way to every transactional message and reminder on the OA channel; a
    // test-send is one message an officer is watching for, so it does not wait behind a campaign.
    priority: input.test ? "transactional" : "campaign",
    personId: input.recipient.personId, recipientKey: recipientKeyOf(payload.recipient), payload, nextAttemptAt: dueAt, now: input.now,
  });
  return { outboxId: row.id, created, dueAt };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Records every audience member of a sending campaign, `MATERIALISE_BATCH` per transaction, walking
 * the Zalo users in id order from the campaign's cursor: a crash resumes where the last commit
 * left off, and a batch done twice changes nothing (the recipients' primary key). Each member is
 * recorded as waiting for a wave, or excluded with the reason.
 */
export async function materialiseCampaign(deps: ServiceDeps, campaignId: string): Promise<void> {
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const c = await getCampaign(tx, campaignId);
      if (!c || c.materialisedAt || (c.status !== "sending" && c.status !== "paused")) return true;
      const now = deps.now();
      const batch = await audienceBatch(tx, audienceQuery(c.filters, now), { after: c.cursor, limit: MATERIALISE_BATCH });
      await insertCampaignRecipients(tx, batch.map((m) => {
        const e = campaignEligibility(m, { now, serviceKey: c.filters.serviceKey });
        return { campaignId, zaloUserId: m.id, status: e === "send" ? "pending" as const : e, at: now };
      }));
      const last = batch.at(-1)?.id ?? c.cursor;
      const finished = batch.length < MATERIALISE_BATCH;
      await updateCampaignIf(tx, campaignId, ["sending", "paused"], { cursor: last, updatedAt: now, ...(finished ? { materialisedAt: now } : {}) });
      return finished;
    });
    if (done) return;
    // Let requests in between batches: 10,000 recipients are 20 short transactions, not one long one.
    await yieldToEventLoop();
  }
}

/**
 * Feeds the next wave of a sending campaign to the outbox, outside quiet hours only, topping the
 * campaign's unsent messages up to one wave. A recipient who opted out since the campaign started
 * is excluded now. Returns how many messages were queued.
 */
export async function feedCampaignWave(deps: ServiceDeps, campaignId: string): Promise<number> {
  const start = deps.now();
  if (nextSendableAt(start, deps.config.QUIET_HOURS).getTime() !== start.getTime()) return 0;
  let budget = waveSize(deps.config) - (await openCampaignMessages(deps.db, campaignId));
  let queued = 0;
  while (budget > 0) {
    const n = await deps.db.transaction(async (tx) => {
      const c = await getCampaign(tx, campaignId);
      if (!c || c.status !== "sending") return null;
      const now = deps.now();
      const batch = await pendingRecipients(tx, campaignId, Math.min(FEED_BATCH, budget));
      let wrote = 0;
      for (const r of batch) {
        if (r.optedOutAt !== null || !r.oaUserId) {
          await markRecipientExcluded(tx, campaignId, r.zaloUserId, r.optedOutAt !== null ? "opted_out" : "unreachable");
          continue;
        }
        const { outboxId } = await enqueueCampaignMessage(tx, {
          config: deps.config, now, newId: deps.newId, campaignId, recipient: { ...r, oaUserId: r.oaUserId },
          idempotencyKey: `campaign:${campaignId}:${r.zaloUserId}`, message: campaignMessageFor(c, r), test: false,
        });
        if (await markRecipientQueued(tx, campaignId, r.zaloUserId, outboxId)) wrote++;
      }
      return batch.length === 0 ? null : { looked: batch.length, wrote };
    });
    if (!n) break;
    queued += n.wrote;
    budget -= n.looked;
    await yieldToEventLoop();
  }
  return queued;
}

/** A sending campaign with nothing left waiting or unsent is completed. */
export async function completeIfDone(deps: ServiceDeps, campaignId: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const c = await getCampaign(tx, campaignId);
    if (!c || c.status !== "sending" || !c.materialisedAt) return false;
    if ((await pendingRecipientCount(tx, campaignId)) > 0 || (await openCampaignMessages(tx, campaignId)) > 0) return false;
    const now = deps.now();
    return (await updateCampaignIf(tx, campaignId, ["sending"], { status: "completed", completedAt: now, updatedAt: now })) !== undefined;
  });
}

/** One step of a sending campaign: materialise what is left, feed a wave, complete when done. */
export async function advanceCampaign(deps: ServiceDeps, campaignId: string): Promise<{ queued: number }> {
  await materialiseCampaign(deps, campaignId);
  const queued = await feedCampaignWave(deps, campaignId);
  await completeIfDone(deps, campaignId);
  return { queued };
}

/**
 * Runs campaigns on a schedule: starts scheduled ones whose time came, and advances those sending
 * (next wave, completion). Also once at start, so a restart resumes a campaign at once.
 */
export function createCampaignScheduler(deps: ServiceDeps, opts: { intervalMs: number; onQueued?: () => void; timer?: TaskTimer; leader?: LeaderOptions }) {
  const log = deps.logger.child({ component: "campaign-scheduler" });

  async function work(): Promise<void> {
    const now = deps.now();
    for (const c of await dueScheduledCampaigns(deps.db, now)) {
      const started = await deps.db.transaction(async (tx) => {
        const row = await updateCampaignIf(tx, c.id, ["scheduled"], { status: "sending", startedAt: now, updatedAt: now });
        if (row) await audit(tx, { at: now, actor: { kind: "system", id: "campaign-scheduler" }, action: "campaign.started", target: { kind: "campaign", id: c.id }, details: { scheduledAt: c.scheduledAt?.toISOString() ?? null } });
        return row;
      });
      if (started) log.info({ campaignId: c.id }, "scheduled campaign started");
    }
    for (const c of await campaignsInStatus(deps.db, "sending")) {
      const r = await advanceCampaign(deps, c.id);
      if (r.queued > 0) opts.onQueued?.();
    }
  }

  // With `leader`, one instance at a time starts campaigns and feeds their waves (the `campaign-waves` lease).
  const task = runOnceAcrossInstances(deps, {
    name: "campaign-waves",
    ...(opts.leader ? { leader: opts.leader } : {}),
    task: {
      intervalMs: opts.intervalMs,
      run: work,
      onError: (err) => log.error({ err }, "campaign run failed"),
      ...(opts.timer ? { timer: opts.timer } : {}),
    },
  });

  return {
    /** One run now; a run already going is waited for, then one more (never two at once). */
    runOnce: task.kick,
    start: task.start,
    stop: task.stop,
  };
}

export type CampaignScheduler = ReturnType<typeof createCampaignScheduler>;
