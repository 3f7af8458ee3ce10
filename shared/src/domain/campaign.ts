/**
 * Campaign rules (seed 000, plan 2049: messages by target group): which placeholders a campaign's
 * text may use, how it reads for one recipient, which age bands a target group may pick, and who
 * of an audience may be sent a broadcast at all. Pure: `now` is a parameter.
 */
import { CS_WINDOW_MS } from "./channel-policy.js";
import { addDays } from "./vietnam-time.js";

/**
 * Placeholders a campaign body may use, each with its Vietnamese and English spelling (either works
 * in either body). Kept small on purpose: each is a piece of the recipient's data that we hold for
 * every recipient or can say politely when we do not.
 */
export const CAMPAIGN_PLACEHOLDERS = {
  /** The recipient's name as Zalo shows it (else the name on our records, else "Ông/Bà"). */
  name: ["ten", "name"],
  /** The ward (xã/phường) of the recipient's residence on our records. */
  ward: ["phuong", "ward"],
  /** The catalogue service the target group is filtered on (only with a service filter). */
  service: ["dichvu", "service"],
} as const;
export type CampaignPlaceholder = keyof typeof CAMPAIGN_PLACEHOLDERS;

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

function placeholderOf(token: string): CampaignPlaceholder | undefined {
  for (const [key, spellings] of Object.entries(CAMPAIGN_PLACEHOLDERS) as [CampaignPlaceholder, readonly string[]][]) {
    if (spellings.includes(token)) return key;
  }
  return undefined;
}

/**
 * What is wrong with a body's placeholders: tokens we do not know, and `{{dichvu}}` without a
 * service in the target group (there would be nothing to put in it). A lone `{{` or `}}` is a
 * typo that would reach citizens as is, so it is reported too.
 */
export function campaignBodyProblems(body: string, opts: { hasService: boolean }): { unknown: string[]; needsService: boolean; unbalanced: boolean } {
  const unknown: string[] = [];
  let needsService = false;
  for (const m of body.matchAll(PLACEHOLDER_RE)) {
    const token = m[1] ?? "";
    const p = placeholderOf(token);
    if (!p) {
      if (!unknown.includes(token)) unknown.push(token);
    } else if (p === "service" && !opts.hasService) needsService = true;
  }
  const rest = body.replace(PLACEHOLDER_RE, "");
  return { unknown, needsService, unbalanced: rest.includes("{{") || rest.includes("}}") };
}

/** The recipient's values for the placeholders; a missing one takes the polite fallback given. */
export interface CampaignRecipientValues {
  name: string | null;
  ward: string | null;
  service: string | null;
}

/** The body as one recipient reads it. `fallback` says what stands in for data we do not hold. */
export function renderCampaignBody(body: string, values: CampaignRecipientValues, fallback: Record<CampaignPlaceholder, string>): string {
  return body
    .replace(PLACEHOLDER_RE, (whole, token: string) => {
      const p = placeholderOf(token);
      if (!p) return whole;
      const v = values[p]?.trim();
      return v ? v : fallback[p];
    })
    .normalize("NFC");
}

/**
 * Age bands a target group may pick, inclusive years of age. Bands follow the law's own groups:
 * children under 16 (Luật Trẻ em 2016, Điều 1), youth 16–30 (Luật Thanh niên 2020, Điều 1), the
 * elderly from 60 (Luật Người cao tuổi 2009, Điều 2); the adults between.
 */
export const AGE_BANDS = {
  under16: { min: 0, max: 15 },
  youth16to30: { min: 16, max: 30 },
  adult31to59: { min: 31, max: 59 },
  elderly60plus: { min: 60, max: null },
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_KEYS = Object.keys(AGE_BANDS) as AgeBand[];

function minusYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // 29 February less some years is 28 February in a common year (the birthday is taken as 1 March's eve).
  const ty = y - years;
  const leap = (ty % 4 === 0 && ty % 100 !== 0) || ty % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(ty).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The dates of birth in a band on `today` (Vietnam's date): born on or before `bornOnOrBefore` and,
 * when the band has an upper age, on or after `bornOnOrAfter`. Age counts completed years.
 */
export function ageBandBirthRange(band: AgeBand, today: string): { bornOnOrBefore: string; bornOnOrAfter: string | null } {
  const b = AGE_BANDS[band];
  return {
    bornOnOrBefore: minusYears(today, b.min),
    bornOnOrAfter: b.max === null ? null : addDays(minusYears(today, b.max + 1), 1),
  };
}

/** What a campaign may know of an audience member to decide whether to send. */
export interface CampaignAudienceMember {
  oaUserId: string | null;
  follower: boolean;
  lastInteractionAt: Date | null;
  optedOutAt: Date | null;
  notificationPrefs: { services?: Record<string, boolean>; channels?: Record<string, boolean> };
}

/**
 * Whether a broadcast goes to this member, and if not why. A broadcast is not a reminder the person
 * asked for, so every "no" they gave counts: the opt-out from reminders and campaigns, the OA
 * channel turned off, and the service turned off when the campaign is about that service. It goes
 * only as an OA message to a follower within Zalo's 7-day window (zalo.md): ZNS templates are for
 * transactional and care messages (and must be approved in advance), SMS costs and carries no
 * link, so neither carries a broadcast.
 */
export function campaignEligibility(m: CampaignAudienceMember, opts: { now: Date; serviceKey?: string | undefined }): "send" | "opted_out" | "unreachable" {
  const reach = campaignReach(m, opts);
  return reach === "not_following" || reach === "outside_window" ? "unreachable" : reach;
}

/** `campaignEligibility`, saying why a member cannot be reached: not following the OA, or silent for 7 days. */
export function campaignReach(m: CampaignAudienceMember, opts: { now: Date; serviceKey?: string | undefined }): "send" | "opted_out" | "not_following" | "outside_window" {
  if (m.optedOutAt !== null) return "opted_out";
  if (m.notificationPrefs.channels?.oa === false) return "opted_out";
  if (opts.serviceKey && m.notificationPrefs.services?.[opts.serviceKey] === false) return "opted_out";
  if (!m.oaUserId || !m.follower) return "not_following";
  if (m.lastInteractionAt === null || opts.now.getTime() - m.lastInteractionAt.getTime() >= CS_WINDOW_MS) return "outside_window";
  return "send";
}

/** Why a target group reaches nobody: no one matches it, or everyone who does is out for one of these reasons. */
export type AudienceGap = "no_match" | "opted_out" | "not_following" | "outside_window";

/**
 * Why nobody of an audience would get a campaign (empty when someone would): what staff must be
 * told before scheduling or sending it.
 */
export function whyNobodyReceives(a: { matched: number; willReceive: number; optedOut: number; notFollowing: number; outsideWindow: number }): AudienceGap[] {
  if (a.willReceive > 0) return [];
  if (a.matched === 0) return ["no_match"];
  return (["opted_out", "not_following", "outside_window"] as const).filter((g) => (g === "opted_out" ? a.optedOut : g === "not_following" ? a.notFollowing : a.outsideWindow) > 0);
}

/** Only https links go under a campaign (a citizen is taught to trust only those). */
export function isCampaignLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" && u.hostname.includes(".") && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * Ready-made campaigns staff start from. Seed 000 (plan 2049) asks for invitations to follow the
 * OA during the communication week ("Tuần lễ truyền thông"). A broadcast reaches only followers
 * (OA messages), so the invitation asks them to pass the OA on to family and friends.
 */
export const CAMPAIGN_TEMPLATES = {
  "communication-week": {
    name: "Tuần lễ truyền thông: giới thiệu Zalo OA",
    bodyVi: "Kính gửi {{ten}}, nhân Tuần lễ truyền thông về hành chính công chủ động, Trung tâm Phục vụ hành chính công tỉnh trân trọng cảm ơn Ông/Bà đã theo dõi Zalo OA và mời Ông/Bà giới thiệu OA tới người thân, bạn bè để cùng nhận nhắc việc, theo dõi hồ sơ và được giải đáp thủ tục hành chính nhanh chóng, miễn phí.",
    bodyEn: "Dear {{name}}, for the communication week on proactive public services, the provincial Public Administration Service Centre thanks you for following its Zalo OA and invites you to share it with family and friends, so that they too receive reminders, follow their dossiers and get quick, free answers about administrative procedures.",
  },
} as const;
