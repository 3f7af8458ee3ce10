/**
 * What a beneficiary of an approved payment list is told (what they will receive, when and how)
 * through the delivery chain, and the mistake they can report back.
 */
import { i18nFor, paymentProgramme, serviceByKey } from "@hccd/shared";
import { addTicketMessage, getBeneficiary, getPaymentList, markMistakeReported, notifiedBeneficiariesByPhone, pendingBeneficiaries, setBeneficiaryNotice, updatePaymentListIf, type ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { openHandover, openTicketOf, recordCitizenMessage } from "../chat/handover.js";
import { enqueueNotification, vndAmount } from "../delivery/notifications.js";
import { audit } from "../staff/audit.js";

/** Notices queued per transaction. */
const NOTICE_BATCH = 200;

/**
 * Queues one notice per beneficiary of an approved list still `pending`, a batch per transaction,
 * each recording its outcome on the beneficiary (`queued` with its outbox row, or `unreachable`:
 * no phone and no Zalo link, listed for staff). Run again after a stop it sends the rest: a
 * notice's idempotency key is its beneficiary, and only a pending beneficiary is written. When
 * none is left pending the list is `notified`.
 */
export async function notifyPaymentList(deps: ServiceDeps, listId: string): Promise<{ queued: number; unreachable: number }> {
  const list = await getPaymentList(deps.db, listId);
  const programme = list ? paymentProgramme(list.programmeKey) : undefined;
  if (!list || !programme || list.status !== "approved") return { queued: 0, unreachable: 0 };
  const channels = serviceByKey(programme.serviceKey)?.channels;
  const outcome = { queued: 0, unreachable: 0 };
  let afterId: string | null = null;
  for (;;) {
    const batch = await pendingBeneficiaries(deps.db, listId, { afterId, limit: NOTICE_BATCH });
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    await deps.db.transaction(async (tx) => {
      const now = deps.now();
      for (const b of batch) {
        const sent = await enqueueNotification(tx, {
          config: deps.config, now, newId: deps.newId, recipient: { personId: null, phone: b.phone }, idempotencyKey: `payment-notice:${b.id}`, purpose: "transactional",
          ...(channels ? { allowedChannels: channels } : {}),
          message: {
            type: "payment_notice", beneficiaryId: b.id, serviceKey: programme.serviceKey,
            params: { fullName: b.fullName, programmeName: programme.name, amountVnd: b.amountVnd, paymentDate: list.paymentDate, channel: programme.channel, payer: programme.payer },
          },
        });
        const status = sent.queued ? "queued" : sent.reason;
        if (await setBeneficiaryNotice(tx, b.id, status, sent.queued ? sent.outboxId : null, now)) outcome[sent.queued ? "queued" : "unreachable"]++;
      }
    });
  }
  const now = deps.now();
  if (await updatePaymentListIf(deps.db, listId, "approved", { status: "notified", notifiedAt: now, updatedAt: now })) {
    deps.logger.info({ paymentList: listId, ...outcome }, "payment list notified");
  }
  return outcome;
}

export type MistakeReport = { reported: true; ticketId: string } | { reported: false; reason: "unknown" | "already" };

/**
 * A beneficiary reports that their notice is wrong (the OA button): a handover ticket staff answer
 * (one open ticket per citizen: an open one gets the report as a message), and the beneficiary
 * marked, so the payment list shows it. Only the beneficiary themselves may report: the Zalo user's
 * verified phone is the one the notice went to. A second report says it is already with staff.
 * `words`: what the citizen wrote, kept on the ticket after the notice's details.
 */
export async function reportPaymentMistake(deps: Pick<ServiceDeps, "db" | "now" | "newId">, user: ZaloUser, beneficiaryId: string, words?: string): Promise<MistakeReport> {
  const b = await getBeneficiary(deps.db, beneficiaryId);
  const list = b ? await getPaymentList(deps.db, b.listId) : undefined;
  const programme = list ? paymentProgramme(list.programmeKey) : undefined;
  if (!b || !list || !programme || b.noticeStatus !== "queued" || !b.phone || user.phone !== b.phone) return { reported: false, reason: "unknown" };
  if (b.mistakeReportedAt) return { reported: false, reason: "already" };
  const now = deps.now();
  // Staff read it: in the console's language (Vietnamese first).
  const reason = i18nFor("vi").t("staff:payments.mistakeReason", { programme: programme.name.vi, date: list.paymentDate.split("-").reverse().join("/"), name: b.fullName, amount: vndAmount(b.amountVnd, "vi") });
  const { ticket, created } = await openHandover(deps.db, { user, reason, now, newId: deps.newId });
  return deps.db.transaction(async (tx) => {
    if (!(await markMistakeReported(tx, b.id, ticket.id, now))) return { reported: false, reason: "already" } as const;
    if (!created) await addTicketMessage(tx, { ticketId: ticket.id, from: "citizen", text: reason, at: now });
    // What the citizen wrote, when they reported in words rather than with the button.
    if (words) await addTicketMessage(tx, { ticketId: ticket.id, from: "citizen", text: words, at: now });
    await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "payment.mistake_reported", target: { kind: "payment_beneficiary", id: b.id }, details: { ticketId: ticket.id, paymentList: list.id } });
    return { reported: true, ticketId: ticket.id } as const;
  });
}

/** Beneficiary entries a phone's report in words can be about, at most (a household's shared phone). */
const ENTRIES_PER_PHONE = 5;

export type MistakeInWords = MistakeReport | { reported: false; reason: "choose"; choices: { beneficiaryId: string; fullName: string }[] };

/**
 * A report in words ("số tiền Tết của tôi bị sai"): what a beneficiary told by ZNS or SMS writes to
 * the OA, their notice having no button. The Zalo user's verified phone finds the entries a notice
 * went to (`notifiedBeneficiariesByPhone`): one not yet reported is reported as the button would
 * (linked to its entry, the words kept on the ticket); several (a phone a household shares) are
 * offered to choose from; all reported already, the words join the open ticket. Null when the phone
 * was sent no notice, or the report's ticket is closed: the message is not a report, the bot goes on.
 */
export async function reportPaymentMistakeInWords(deps: Pick<ServiceDeps, "db" | "now" | "newId">, user: ZaloUser, words: string): Promise<MistakeInWords | null> {
  if (!user.phone) return null;
  const entries = await notifiedBeneficiariesByPhone(deps.db, user.phone, ENTRIES_PER_PHONE);
  const open = entries.filter((b) => !b.mistakeReportedAt);
  if (open.length === 1) return reportPaymentMistake(deps, user, open[0]!.id, words);
  if (open.length > 1) return { reported: false, reason: "choose", choices: open.map((b) => ({ beneficiaryId: b.id, fullName: b.fullName })) };
  const ticket = entries.length > 0 ? await openTicketOf(deps.db, user) : undefined;
  if (!ticket) return null;
  await recordCitizenMessage(deps.db, ticket, words, deps.now());
  return { reported: false, reason: "already" };
}
