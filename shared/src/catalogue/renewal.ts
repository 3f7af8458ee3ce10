import type { DraftFieldSpec, NoticeStep, ServiceEntry } from "./schema.js";

/**
 * What most catalogue entries share: a document that expires, reminders before it does, and (from
 * level 2) a renewal draft filled from data the state already holds. Each entry still states its
 * own steps and sources; these builders only keep forty near-identical templates identical.
 */

/** Who holds the document: a person (Ông/Bà) or an organisation (Quý đơn vị). */
export type Holder = "person" | "organisation";

/** The procedure the reminder asks for, as it reads after "thủ tục" / "apply to". */
export interface RenewalVerb {
  vi: string;
  en: string;
}

export const RENEW: RenewalVerb = { vi: "gia hạn", en: "renew" };
export const REISSUE: RenewalVerb = { vi: "cấp lại", en: "have it re-issued" };
export const EXCHANGE: RenewalVerb = { vi: "cấp đổi", en: "exchange it for a new one" };

const SEED_PLAN = "services-plan-920.tsv";
const SEED_LEAD = "services-2026-06-leadtimes.tsv";

/** A lead time copied from a lead-time row (`II.1`). */
export function fromLeadTime(before: string, row: string): NoticeStep {
  return { before, default: false, source: `${SEED_LEAD} ${row}` };
}

/** A lead time we chose because the sources give none, with the reason. */
export function chosen(before: string, why: string): NoticeStep {
  return { before, default: true, source: why };
}

/**
 * The default for an expiring document when no source gives a lead time: a month ahead (time to
 * gather papers and book an appointment), then a week ahead as a last call.
 */
export function defaultExpirySteps(): NoticeStep[] {
  return [
    chosen("P30D", `default: ${SEED_PLAN} gives no lead time; a month leaves time to prepare the application`),
    chosen("P7D", "default: last call a week before expiry"),
  ];
}

/** The reminder for an expiring document; level 2+ says the draft is ready to review. */
export function renewalReminder(opts: { holder: Holder; verb: RenewalVerb; draft: boolean }): NonNullable<ServiceEntry["templates"]> {
  const you = opts.holder === "person" ? "Ông/Bà" : "Quý đơn vị";
  const greeting = `Kính gửi ${you} {{holderName}}, {{documentName}} số {{documentNo}} của ${you} sẽ hết hạn vào ngày {{expiresOn}}.`;
  const vi = opts.draft
    ? `${greeting} Hệ thống đã chuẩn bị sẵn hồ sơ ${opts.verb.vi} từ dữ liệu hiện có. Kính mời ${you} bấm nút «Xem hồ sơ» để kiểm tra, xác nhận và nộp trước ngày {{fileBy}}.`
    : `${greeting} Kính đề nghị ${you} thực hiện thủ tục ${opts.verb.vi} trước ngày {{fileBy}}. Vui lòng bấm nút «Hướng dẫn thủ tục» để xem chi tiết.`;
  const enGreeting = "Dear {{holderName}}, your {{documentName}} no. {{documentNo}} expires on {{expiresOn}}.";
  const en = opts.draft
    ? `${enGreeting} We have prepared your application from the records we hold. Please tap “Review application” to check, confirm and submit it by {{fileBy}}.`
    : `${enGreeting} Please apply to ${opts.verb.en} by {{fileBy}}. Tap “Procedure guide” for details.`;
  return { reminder: { vi, en } };
}

/** The fields every renewal draft starts from; `extra` adds the service's own. */
export function renewalDraft(kind: string, holder: Holder, extra: DraftFieldSpec[] = []): NonNullable<ServiceEntry["draft"]> {
  const who: DraftFieldSpec[] =
    holder === "person"
      ? [
          { path: "holder.fullName", label: { vi: "Họ và tên", en: "Full name" }, source: "population-data" },
          { path: "holder.personalId", label: { vi: "Số định danh cá nhân", en: "Personal ID number" }, source: "population-data" },
          { path: "holder.residence", label: { vi: "Nơi cư trú", en: "Place of residence" }, source: "population-data" },
        ]
      : [
          { path: "holder.name", label: { vi: "Tên tổ chức", en: "Organisation name" }, source: "business-registry" },
          { path: "holder.taxCode", label: { vi: "Mã số doanh nghiệp", en: "Enterprise code" }, source: "business-registry" },
          { path: "holder.address", label: { vi: "Địa chỉ trụ sở", en: "Head office address" }, source: "business-registry" },
          { path: "holder.representative", label: { vi: "Người đại diện theo pháp luật", en: "Legal representative" }, source: "business-registry" },
        ];
  return {
    kind,
    fields: [
      ...who,
      { path: "document.number", label: { vi: "Số giấy tờ", en: "Document number" }, source: "department-list" },
      { path: "document.issuedOn", label: { vi: "Ngày cấp", en: "Date of issue" }, source: "department-list" },
      { path: "document.expiresOn", label: { vi: "Ngày hết hạn", en: "Expiry date" }, source: "department-list" },
      ...extra,
      { path: "contact.phone", label: { vi: "Số điện thoại liên hệ", en: "Contact phone" }, source: "citizen" },
    ],
  };
}

/** Partners as the plan writes them ("Sở KH&CN; Viettel"), split into a list. */
export function partnersOf(cell: string): string[] {
  return cell
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean);
}
