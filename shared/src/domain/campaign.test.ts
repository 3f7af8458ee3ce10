import { describe, expect, it } from "vitest";
import { ageBandBirthRange, campaignBodyProblems, campaignEligibility, isCampaignLink, renderCampaignBody, type CampaignAudienceMember } from "./campaign.js";
import { campaignInputSchema } from "../schemas/staff-api.js";

const fallback = { name: "Ông/Bà", ward: "địa phương", service: "dịch vụ công" };

describe("campaign placeholders", () => {
  it("renders the Vietnamese and English spellings, with polite fallbacks for data we do not hold", () => {
    const body = "Kính gửi {{ten}}, mời bà con {{ phuong }} theo dõi Zalo OA. {{name}} / {{ward}}";
    expect(renderCampaignBody(body, { name: "Nguyễn Thị Hoa", ward: null, service: null }, fallback)).toBe("Kính gửi Nguyễn Thị Hoa, mời bà con địa phương theo dõi Zalo OA. Nguyễn Thị Hoa / địa phương");
  });

  it("stores NFC text even when a name arrives decomposed", () => {
    const decomposed = "Hoa\u0300"; // "Hoà" with a combining grave accent
    expect(renderCampaignBody("{{ten}}", { name: decomposed, ward: null, service: null }, fallback)).toBe("Hoà");
  });

  it.each([
    ["Chào {{hoten}}", { unknown: ["hoten"], needsService: false, unbalanced: false }],
    ["Gia hạn {{dichvu}}", { unknown: [], needsService: true, unbalanced: false }],
    ["Chào {{ten}", { unknown: [], needsService: false, unbalanced: true }],
    ["Chào {{ten}}, {{phuong}}", { unknown: [], needsService: false, unbalanced: false }],
  ])("finds what is wrong in %j", (body, expected) => {
    expect(campaignBodyProblems(body, { hasService: false })).toEqual(expected);
  });

  it("refuses an unknown placeholder naming the field, and a non-https link", () => {
    const r = campaignInputSchema.safeParse({ name: "Tuần lễ truyền thông", bodyVi: "Chào {{hoten}}", bodyEn: "Hello {{name}}", linkUrl: "http://example.vn", filters: {} });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(paths).toContain("bodyVi: uses an unknown placeholder {{hoten}} (known: {{ten}}, {{name}}, {{phuong}}, {{ward}}, {{dichvu}}, {{service}})");
    expect(paths).toContain("linkUrl: must be an https:// link");
    expect(isCampaignLink("https://dichvucong.gov.vn/p/home")).toBe(true);
    expect(isCampaignLink("javascript:alert(1)")).toBe(false);
  });
});

describe("age bands (Luật Trẻ em 2016 Đ.1; Luật Thanh niên 2020 Đ.1; Luật Người cao tuổi 2009 Đ.2)", () => {
  it.each([
    // On 2026-11-24: a youth (16–30) was born from 1995-11-25 to 2010-11-24.
    ["youth16to30", { bornOnOrBefore: "2010-11-24", bornOnOrAfter: "1995-11-25" }],
    ["under16", { bornOnOrBefore: "2026-11-24", bornOnOrAfter: "2010-11-25" }],
    ["elderly60plus", { bornOnOrBefore: "1966-11-24", bornOnOrAfter: null }],
  ] as const)("%s on 2026-11-24", (band, range) => {
    expect(ageBandBirthRange(band, "2026-11-24")).toEqual(range);
  });
});

describe("who a broadcast goes to", () => {
  const now = new Date("2026-11-24T03:00:00Z");
  const base: CampaignAudienceMember = { oaUserId: "81", follower: true, lastInteractionAt: new Date("2026-11-23T03:00:00Z"), optedOutAt: null, notificationPrefs: {} };
  it.each([
    ["a follower who wrote yesterday", base, "send"],
    ["someone who opted out", { ...base, optedOutAt: now }, "opted_out"],
    ["someone who turned the OA channel off", { ...base, notificationPrefs: { channels: { oa: false } } }, "opted_out"],
    ["someone who turned this service off", { ...base, notificationPrefs: { services: { "tour-guide-card": false } } }, "opted_out"],
    ["a non-follower", { ...base, follower: false }, "unreachable"],
    ["a follower silent for 8 days (Zalo's 7-day window)", { ...base, lastInteractionAt: new Date("2026-11-16T03:00:00Z") }, "unreachable"],
  ] as const)("%s", (_label, m, expected) => {
    expect(campaignEligibility(m, { now, serviceKey: "tour-guide-card" })).toBe(expected);
  });
});
