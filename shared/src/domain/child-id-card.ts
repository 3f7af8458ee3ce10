import { addMonths } from "./vaccination.js";
import { addDays } from "./vietnam-time.js";

/** The catalogue service of plan 920 row 2: an ID card for a child under 6, applied for by a parent. */
export const CHILD_ID_CARD_SERVICE_KEY = "child-id-card";

/**
 * Plan 920 row 2 (level 2) lists children "dưới 6 tuổi": under 6 the legal representative applies
 * for the child's card and no biometrics are taken (Luật Căn cước 26/2023/QH15); from 6 the child
 * goes in person, another procedure.
 */
export const CHILD_ID_CARD_AGE_LIMIT_YEARS = 6;

/**
 * The invitation waits until the birth registration's 60 days are over (Luật Hộ tịch 60/2014 art.
 * 15(1)): a family with a newborn is not asked for two procedures in the same weeks.
 */
export const CHILD_ID_CARD_NOTICE_AFTER_BIRTH_DAYS = 60;

/** What of a population record (contract 5) the rule reads. */
export interface ChildIdCardFacts {
  dateOfBirth: string;
  idCard?: unknown;
  deceased?: boolean | undefined;
}

export type ChildIdCardInvitation =
  | { kind: "invite"; notifyOn: string; until: string }
  | { kind: "none"; reason: "has_card" | "deceased" | "too_old" | "not_born" };

/**
 * Whether a resident's record puts a child-ID-card invitation on their parents (plan 920 row 2):
 * a living child under 6 whose record holds no ID card (contract 5: "a child under 6 without
 * `idCard` is who plan 920 row 2 is about"). `notifyOn` is the day the parents are told (today, or
 * once the birth registration's 60 days are over), `until` the last day the child is under 6 (the
 * draft's due date). A card on the record, a death or the 6th birthday ends the invitation.
 */
export function childIdCardInvitation(r: ChildIdCardFacts, today: string): ChildIdCardInvitation {
  if (r.deceased) return { kind: "none", reason: "deceased" };
  if (r.idCard) return { kind: "none", reason: "has_card" };
  if (r.dateOfBirth > today) return { kind: "none", reason: "not_born" };
  const until = addDays(addMonths(r.dateOfBirth, CHILD_ID_CARD_AGE_LIMIT_YEARS * 12), -1);
  if (today > until) return { kind: "none", reason: "too_old" };
  const afterRegistration = addDays(r.dateOfBirth, CHILD_ID_CARD_NOTICE_AFTER_BIRTH_DAYS);
  const notifyOn = afterRegistration > today ? afterRegistration : today;
  return { kind: "invite", notifyOn: notifyOn > until ? until : notifyOn, until };
}

/**
 * Whether a record may concern a child's application at all: under 7, i.e. under 6 or turned 6
 * within the year (an application prepared before then may still have to be closed). The planner
 * reads nothing more for anyone older, so an adult's record costs no lookup.
 */
export function mayConcernChildIdCard(dateOfBirth: string, today: string): boolean {
  return today < addMonths(dateOfBirth, (CHILD_ID_CARD_AGE_LIMIT_YEARS + 1) * 12);
}
