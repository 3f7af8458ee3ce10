import { addMonths } from "./vaccination.js";
import { idCardRenewal } from "./id-card.js";

/** The catalogue services a population record can put a deadline on (contract 5). */
export const POPULATION_SERVICES = ["id-card-renewal", "temporary-residence", "household-health-insurance"] as const;
export type PopulationService = (typeof POPULATION_SERVICES)[number];

/** What of a population record (contract 5) the deadline rules read. */
export interface PopulationFacts {
  dateOfBirth: string;
  idCard?: { number: string; issuedOn: string; expiresOn?: string | undefined } | undefined;
  temporaryResidence?: { expiresOn?: string | undefined } | undefined;
  householdInsurance?: { cardNo: string; expiresOn: string } | undefined;
  deceased?: boolean | undefined;
}

export interface PopulationDeadline {
  serviceKey: PopulationService;
  /** The day the card or registration stops holding: the reminders count back from it. */
  dueOn: string;
  /** The document's number as the record gives it (none for a temporary residence). */
  documentNo: string | null;
  /** `record`: the date is the record's own; `derived`: computed from the law (ID card without expiry). */
  basis: "record" | "derived";
}

/**
 * The deadlines a resident's population record puts on them, one per service at most:
 * - ID card: the record's `expiresOn`, else the renewal age of Luật Căn cước 2023 art. 21 from the
 *   date of birth and the issue date (`idCardRenewal`); a card valid for life (issued at 58 or
 *   older) has none;
 * - temporary residence: the end of the registered term (Luật Cư trú 2020 art. 27–28);
 * - household health insurance: the card's last day of cover.
 * An absent block means "not known" (contract 5): it puts no deadline. A deceased person has none.
 */
export function populationDeadlines(r: PopulationFacts): PopulationDeadline[] {
  if (r.deceased) return [];
  const out: PopulationDeadline[] = [];
  if (r.idCard) {
    const renewBy = r.idCard.expiresOn ?? idCardRenewal(r.dateOfBirth, r.idCard.issuedOn).renewBy;
    if (renewBy) out.push({ serviceKey: "id-card-renewal", dueOn: renewBy, documentNo: r.idCard.number, basis: r.idCard.expiresOn ? "record" : "derived" });
  }
  if (r.temporaryResidence?.expiresOn) out.push({ serviceKey: "temporary-residence", dueOn: r.temporaryResidence.expiresOn, documentNo: null, basis: "record" });
  if (r.householdInsurance) out.push({ serviceKey: "household-health-insurance", dueOn: r.householdInsurance.expiresOn, documentNo: r.householdInsurance.cardNo, basis: "record" });
  return out;
}

/** Age of majority: Bộ luật Dân sự 2015 art. 20–21 (under 18 is a minor). */
export const AGE_OF_MAJORITY = 18;

/**
 * Whether a reminder dated `onDate` about a person born on `dateOfBirth` goes to their parents:
 * a minor's parents are their legal representatives (Bộ luật Dân sự 2015 art. 21 and 136(1)).
 */
export function remindsParents(dateOfBirth: string, onDate: string): boolean {
  return onDate < addMonths(dateOfBirth, AGE_OF_MAJORITY * 12);
}
