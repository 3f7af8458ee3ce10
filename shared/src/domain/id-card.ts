import { addMonths } from "./vaccination.js";

/**
 * Citizen ID card (thẻ căn cước) renewal, Luật Căn cước 26/2023/QH15 (from 2024-07-01):
 * art. 21(1) — the card must be renewed on reaching 14, 25, 40 and 60;
 * art. 21(2) — a card issued within the 2 years before one of those ages stays valid until the
 * next one; a card issued at 58 or older never expires.
 */
export const ID_CARD_RENEWAL_AGES = [14, 25, 40, 60] as const;
export const ID_CARD_GRACE_YEARS = 2;

/** The day a person born on `dateOfBirth` reaches `age` (29 February → 28 February in common years). */
export function birthdayAt(dateOfBirth: string, age: number): string {
  return addMonths(dateOfBirth, age * 12);
}

export type IdCardRenewal = { renewBy: string; milestoneAge: number } | { renewBy: null; milestoneAge: null };

/**
 * When a card issued on `issuedOn` to a person born on `dateOfBirth` must be renewed, or null
 * when it is valid for life. The caller checks the dates are real and issuedOn ≥ dateOfBirth.
 */
export function idCardRenewal(dateOfBirth: string, issuedOn: string): IdCardRenewal {
  const ahead = ID_CARD_RENEWAL_AGES.filter((age) => birthdayAt(dateOfBirth, age) > issuedOn);
  for (const age of ahead) {
    const milestone = birthdayAt(dateOfBirth, age);
    const graceStart = birthdayAt(dateOfBirth, age - ID_CARD_GRACE_YEARS);
    // Issued within the 2 years before this age: valid to the next one (or for life after 60).
    if (issuedOn >= graceStart) continue;
    return { renewBy: milestone, milestoneAge: age };
  }
  return { renewBy: null, milestoneAge: null };
}
