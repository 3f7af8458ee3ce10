import { describe, expect, it } from "vitest";
import { childIdCardInvitation, CHILD_ID_CARD_AGE_LIMIT_YEARS, CHILD_ID_CARD_NOTICE_AFTER_BIRTH_DAYS, mayConcernChildIdCard } from "./child-id-card.js";

/**
 * Plan 920 row 2 (seed 000, level 2): "chủ động lập danh sách đề nghị cấp CCCD cho trẻ dưới 6 tuổi.
 * Hệ thống gửi thông báo mời phụ huynh đến hoàn tất thủ tục." Under 6 the legal representative
 * applies for the child (Luật Căn cước 26/2023/QH15). The notice waits out the 60 days of the birth
 * registration (Luật Hộ tịch 60/2014 art. 15(1), domain/facts.md) so a family is not asked for two
 * procedures in the same weeks.
 */
describe("childIdCardInvitation (plan 920 row 2: a child under 6 without an ID card)", () => {
  it("the limits are the plan's 6 years and the birth registration's 60 days", () => {
    expect(CHILD_ID_CARD_AGE_LIMIT_YEARS).toBe(6);
    expect(CHILD_ID_CARD_NOTICE_AFTER_BIRTH_DAYS).toBe(60);
  });

  it.each([
    // dob, today, notifyOn, until (the last day the child is under 6)
    ["2023-05-10", "2026-12-07", "2026-12-07", "2029-05-09"], // 3 years old: notified today
    ["2026-11-01", "2026-12-07", "2026-12-31", "2032-10-31"], // 5 weeks old: after the 60 days of the birth registration
    ["2020-12-08", "2026-12-07", "2026-12-07", "2026-12-07"], // 6 tomorrow: the last day to apply as a child under 6
    ["2024-02-29", "2026-12-07", "2026-12-07", "2030-02-27"], // born on 29 February: 6 on 28 February 2030 (calendar months, as every age rule counts them)
  ])("born %s, on %s: notified on %s, a child under 6 until %s", (dateOfBirth, today, notifyOn, until) => {
    expect(childIdCardInvitation({ dateOfBirth }, today)).toEqual({ kind: "invite", notifyOn, until });
  });

  it.each([
    ["has_card", { dateOfBirth: "2023-05-10", idCard: { number: "072223001234", issuedOn: "2025-01-01" } }, "2026-12-07"],
    ["deceased", { dateOfBirth: "2023-05-10", deceased: true }, "2026-12-07"],
    ["too_old", { dateOfBirth: "2020-12-07" }, "2026-12-07"], // 6 today: no longer a child under 6
    ["too_old", { dateOfBirth: "2001-03-10" }, "2026-12-07"],
    ["not_born", { dateOfBirth: "2026-12-08" }, "2026-12-07"], // a date of birth after today is a bad record, not an invitation
  ] as const)("%s: no invitation", (reason, record, today) => {
    expect(childIdCardInvitation(record, today)).toEqual({ kind: "none", reason });
  });

  it.each([
    ["2023-05-10", true],
    ["2020-01-01", true], // turned 6 this year: an application prepared before may still need closing
    ["2019-12-07", false], // 7 today
    ["1980-04-02", false],
  ])("born %s: the planner looks for a child's application on 2026-12-07 → %s", (dateOfBirth, expected) => {
    expect(mayConcernChildIdCard(dateOfBirth, "2026-12-07")).toBe(expected);
  });
});
