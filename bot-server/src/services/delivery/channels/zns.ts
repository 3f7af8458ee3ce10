import { i18nFor } from "@hccd/shared";
import type { Config } from "../../../config.js";
import { NotSendable } from "../../not-sendable.js";
import { dossierNameOf, paymentNoticeParams, populationDeadlineParams, respondByText, vnDate, type NotificationPayload } from "../notifications.js";
import type { ChannelModule } from "./channel.js";
import { classifyZaloFailure } from "./zalo-failures.js";

/**
 * ZNS: an approved template to a phone number (`84…`), for people outside the OA's 7-day window.
 * The OA's daily quota (Zalo's -144/-147, or a send that reports none left) is shared by every
 * instance through the delivery budget; ZNS_DAILY_QUOTA caps it below Zalo's when set.
 */
export const znsChannel: ChannelModule<{ phone: string; templateId: string; templateData: Record<string, string> }> = {
  name: "zns",
  render(payload, config) {
    if (!payload.recipient.phone) throw new NotSendable("no phone number");
    return { phone: payload.recipient.phone, ...renderZnsTemplate(config, payload) };
  },
  async send(request, clients, outboxId) {
    // The outbox row id is the tracking id: Zalo's receipt finds the row by it, and a resend is not a second message.
    const sent = await clients.zalo.zns.sendTemplate({ ...request, trackingId: outboxId });
    return { providerRef: sent.msgId, quotaSpent: sent.quota !== null && sent.quota.remainingQuota <= 0 };
  },
  classify: classifyZaloFailure,
  rate: (config) => ({ perSecond: config.THROTTLE_ZNS_PER_SEC, daily: { cap: config.ZNS_DAILY_QUOTA || null } }),
};

/**
 * ZNS template parameters. Templates are approved in Vietnamese in advance (zalo.md): their text
 * lives with Zalo, we only fill the parameters; the link goes to the template's button.
 */
function renderZnsTemplate(config: Config, payload: NotificationPayload): { templateId: string; templateData: Record<string, string> } {
  const m = payload.message;
  if (m.type === "chat") throw new NotSendable("a chat message cannot go by ZNS (templates only)");
  const link = payload.link ?? "";
  if (m.type === "document_expiry") {
    return {
      templateId: config.ZNS_TEMPLATE_DOCUMENT_EXPIRY,
      templateData: { holderName: m.params.holderName, serviceName: m.params.serviceName.vi, documentNo: m.params.documentNo, expiresOn: vnDate(m.params.expiresOn), fileBy: vnDate(m.params.fileBy), link },
    };
  }
  if (m.type === "vaccination_due") {
    return {
      templateId: config.ZNS_TEMPLATE_VACCINATION_DUE,
      templateData: { parentName: m.params.parentName, doseName: m.params.doseName.vi, dueOn: vnDate(m.params.dueOn), birthDate: vnDate(m.params.birthDate), link },
    };
  }
  if (m.type === "payment_notice") {
    return { templateId: config.ZNS_TEMPLATE_PAYMENT_NOTICE, templateData: paymentNoticeParams(m, "vi") };
  }
  if (m.type === "population_deadline") {
    return { templateId: config.ZNS_TEMPLATE_POPULATION_DEADLINE, templateData: { ...populationDeadlineParams(m, "vi"), link } };
  }
  if (m.type === "birth_draft_ready") {
    return {
      templateId: config.ZNS_TEMPLATE_BIRTH_DRAFT,
      templateData: {
        parentName: m.params.parentName,
        birthDate: vnDate(m.params.birthDate),
        facilityName: m.params.facilityName,
        dueBy: vnDate(m.params.dueBy),
        link,
      },
    };
  }
  if (m.type === "child_id_card_draft_ready") {
    return {
      templateId: config.ZNS_TEMPLATE_CHILD_ID_CARD_DRAFT,
      templateData: { parentName: m.params.parentName, childName: m.params.childName, dueBy: vnDate(m.params.dueBy), link },
    };
  }
  if (m.type === "death_draft_ready") {
    return {
      templateId: config.ZNS_TEMPLATE_DEATH_DRAFT,
      templateData: { informantName: m.params.informantName, deceasedName: m.params.deceasedName, dueBy: vnDate(m.params.dueBy), link },
    };
  }
  const t = i18nFor("vi").t;
  return {
    templateId: config.ZNS_TEMPLATE_DOSSIER_STATUS,
    templateData: {
      dossierName: dossierNameOf(m, "vi"),
      parentName: m.params.parentName,
      receiptNo: m.params.receiptNo,
      statusText: t(`common:submissionStatus.${m.status}`),
      detail: [m.params.note ?? "", respondByText(m, "vi")].filter(Boolean).join(" "),
      link,
    },
  };
}

