import type { DeathNotice } from "../schemas/death-notice.js";
import type { DraftFieldSpec } from "../catalogue/schema.js";
import { addDays, vietnamDate } from "./vietnam-time.js";
import { prefillFromSpec, type PrefillValue } from "./catalogue-draft.js";
import type { DraftFields } from "./draft.js";

/** Procedure code of death registration (Đăng ký khai tử) in the national procedure database. */
export const DEATH_REGISTRATION_PROCEDURE = "1.000656";

/**
 * A death is registered within 15 days of the death by the spouse, a child, a parent or another
 * close relative (Luật Hộ tịch 60/2014/QH13, art. 33(1)); on time it is free (art. 11).
 */
export const DEATH_REGISTRATION_DEADLINE_DAYS = 15;

/** The last day to register a death on time (counted from the day of death in Vietnam). */
export function deathRegistrationDueBy(diedAt: string): string {
  return addDays(vietnamDate(diedAt), DEATH_REGISTRATION_DEADLINE_DAYS);
}

/** The version of the consent text shown before a death-registration dossier is sent. */
export const DEATH_CONSENT_TEXT_VERSION = "death-registration-consent-v1";

/**
 * The death-registration draft from a death notice (giấy báo tử): what the notice says is
 * read-only; the informant confirms who files and their relationship, and chooses the ward of the
 * deceased's last residence (art. 32). The informant's name is suggested from the notice.
 * `knownDeceased` is what population data holds about the deceased, matched by ID number.
 */
export function prefillDeathDraft(input: {
  notice: DeathNotice;
  specs: readonly DraftFieldSpec[];
  knownDeceased: { fullName: string; residenceWardCode: string | null } | null;
}): DraftFields {
  const { notice: n, knownDeceased } = input;
  const ref = n.noticeNo;
  const fromNotice = (value: string | null): PrefillValue => ({ value, source: "death_notice", sourceRef: ref });
  const values: Record<string, PrefillValue> = {
    "deceased.fullName": knownDeceased ? { value: knownDeceased.fullName } : fromNotice(n.deceased.fullName),
    "deceased.dateOfBirth": fromNotice(n.deceased.dateOfBirth),
    "deceased.personalId": n.deceased.nationalId ? fromNotice(n.deceased.nationalId) : { value: null },
    "death.dateTime": fromNotice(n.deceased.diedAt),
    "death.place": fromNotice(n.deceased.placeOfDeath),
    "death.cause": fromNotice(n.deceased.cause),
    "requester.fullName": fromNotice(n.informant.fullName),
    "registration.wardCode": knownDeceased?.residenceWardCode ? { value: knownDeceased.residenceWardCode, source: "population_data" } : { value: null },
  };
  const relationship = relationshipOption(n.informant.relationship);
  if (relationship) values["requester.relationship"] = { value: relationship, source: "death_notice", sourceRef: ref };
  return prefillFromSpec(input.specs, values, { hospitalSource: "death_notice" });
}

/** The notice writes the relationship in words ("con", "vợ"); the draft offers the art. 33 choices. */
export function relationshipOption(words: string): string | null {
  const w = words.normalize("NFC").trim().toLowerCase();
  if (/^(vợ|chồng)$/.test(w)) return "vo-chong";
  if (/^con( (trai|gái|ruột))?$/.test(w)) return "con";
  if (/^(cha|mẹ|bố|má|ba)$/.test(w)) return "cha-me";
  if (/^(anh|chị|em)( (trai|gái|ruột))?$/.test(w)) return "anh-chi-em";
  return null;
}
