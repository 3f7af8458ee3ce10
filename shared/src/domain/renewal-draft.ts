import type { DraftFieldSpec } from "../catalogue/schema.js";
import { formatVnPhone } from "../validation/phone.js";
import { prefillFromSpec, type PrefillValue } from "./catalogue-draft.js";
import type { DraftFields } from "./draft.js";

/** A document from a department's list (contract 4), as the renewal draft reads it. */
export interface RenewalDocument {
  documentNo: string;
  holderName: string;
  holderId: string | null;
  issuedOn: string | null;
  expiresOn: string;
  address: string | null;
}

/**
 * The version of the consent text shown before a renewal or re-issue dossier is sent. v2: what can
 * still change is "the items with a Sửa button", no longer "what the parents decide".
 */
export const RENEWAL_CONSENT_TEXT_VERSION = "renewal-consent-v2";

/**
 * The version of the confirmation text of a dossier the citizen files themselves (level 2): it says
 * that nothing is sent, so it is not the renewal consent's text. v2: its heading says "confirm"
 * (not "confirm and send") and what can still change before confirming.
 */
export const SELF_FILING_CONSENT_TEXT_VERSION = "self-filing-confirmation-v2";

/**
 * A renewal draft from the document the department listed and, for a person, what population data
 * holds (matched by ID number). Registers fill what they hold; the rest stays for the agency;
 * the contact phone is suggested from the number the citizen linked on Zalo.
 */
export function prefillRenewalDraft(input: {
  specs: readonly DraftFieldSpec[];
  document: RenewalDocument;
  person: { fullName: string; nationalId: string | null; residenceAddress: string | null } | null;
  /** The linked phone (`84…`), suggested for `contact.phone`. */
  phone: string | null;
}): DraftFields {
  const { document: d, person } = input;
  const ref = d.documentNo;
  const listed = (value: string | null): PrefillValue => ({ value, source: "department_list", sourceRef: ref });
  const values: Record<string, PrefillValue> = {
    "document.number": listed(d.documentNo),
    "document.issuedOn": listed(d.issuedOn),
    "document.expiresOn": listed(d.expiresOn),
    // An organisation's name, code and address as the department listed them (business-registry lookups are a later integration).
    "holder.name": listed(d.holderName),
    "holder.taxCode": listed(d.holderId),
    "holder.address": listed(d.address),
    "owner.fullName": listed(d.holderName),
    "holder.fullName": person ? { value: person.fullName } : listed(d.holderName),
    "holder.personalId": person?.nationalId ? { value: person.nationalId } : listed(d.holderId),
    "holder.residence": person?.residenceAddress ? { value: person.residenceAddress } : listed(d.address),
    "contact.phone": { value: input.phone ? formatVnPhone(input.phone).replace(/\s/g, "") : null, source: "citizen" },
  };
  return prefillFromSpec(input.specs, values);
}
