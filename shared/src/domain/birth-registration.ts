import type { BirthCertificate } from "../schemas/birth-certificate.js";
import { addDays, vietnamDate } from "./vietnam-time.js";
import type { DraftField, DraftFields, FieldKind, FieldProposal } from "./draft.js";
import { normalizeName } from "../validation/name.js";
import { proposeChildHometown } from "./child-hometown.js";

/** Procedure code of birth registration (Đăng ký khai sinh) in the national procedure database. */
export const BIRTH_REGISTRATION_PROCEDURE = "1.001193";

/**
 * Birth must be registered within 60 days of the birth (Luật Hộ tịch 60/2014/QH13, art. 15(1)).
 * On-time registration is free of charge (art. 11).
 */
export const BIRTH_REGISTRATION_DEADLINE_DAYS = 60;

/** The last day to register a birth on time. */
export function birthRegistrationDueBy(dateOfBirth: string): string {
  return addDays(dateOfBirth, BIRTH_REGISTRATION_DEADLINE_DAYS);
}

/** The version of the consent text shown before a birth-registration dossier is sent. */
export const BIRTH_CONSENT_TEXT_VERSION = "birth-registration-consent-v1";

/** What the system already knows about a person (matched by ID number), from population data. */
export interface KnownPerson {
  fullName: string;
  dateOfBirth: string | null;
  nationalId: string | null;
  ethnicity: string | null;
  nationality: string | null;
  residenceWardCode: string | null;
  residenceAddress: string | null;
  /** Quê quán, as the population database records it. */
  hometown: string | null;
}

/**
 * The order fields are shown in, and their kind. Contents of a birth registration per Luật Hộ tịch
 * art. 14(1) and the declaration form of TT 04/2020/TT-BTP (as updated by TT 04/2024/TT-BTP).
 */
export const BIRTH_DRAFT_FIELDS: readonly { key: string; kind: FieldKind; group: "child" | "mother" | "father" | "registration" }[] = [
  { key: "child.fullName", kind: "name", group: "child" },
  { key: "child.sex", kind: "sex", group: "child" },
  { key: "child.dateOfBirth", kind: "date", group: "child" },
  { key: "child.placeOfBirth", kind: "text", group: "child" },
  { key: "child.ethnicity", kind: "text", group: "child" },
  { key: "child.nationality", kind: "text", group: "child" },
  { key: "child.hometown", kind: "text", group: "child" },
  { key: "mother.fullName", kind: "name", group: "mother" },
  { key: "mother.dateOfBirth", kind: "date", group: "mother" },
  { key: "mother.nationalId", kind: "text", group: "mother" },
  { key: "mother.ethnicity", kind: "text", group: "mother" },
  { key: "mother.nationality", kind: "text", group: "mother" },
  { key: "mother.residence", kind: "text", group: "mother" },
  { key: "father.fullName", kind: "name", group: "father" },
  { key: "father.dateOfBirth", kind: "date", group: "father" },
  { key: "father.nationalId", kind: "text", group: "father" },
  { key: "father.ethnicity", kind: "text", group: "father" },
  { key: "father.nationality", kind: "text", group: "father" },
  { key: "father.residence", kind: "text", group: "father" },
  { key: "registration.wardCode", kind: "ward", group: "registration" },
  { key: "registration.copies", kind: "count", group: "registration" },
];

/**
 * Fields only a parent can decide: the child's name and ethnicity (chosen by agreement of the
 * parents, Bộ luật Dân sự 2015 art. 26–29), hometown (the father's or the mother's, as the parents
 * agree or by custom, Luật Hộ tịch art. 4(8)), where to register (Luật Hộ tịch art. 13: the ward of
 * the father's or mother's residence) and how many copies. Everything else comes from the
 * certificate or population data and is corrected at its source, not in the draft.
 */
export const BIRTH_PARENT_DECIDES: ReadonlySet<string> = new Set([
  "child.fullName",
  "child.ethnicity",
  "child.hometown",
  "registration.wardCode",
  "registration.copies",
]);

function field(kind: FieldKind, key: string, value: string | number | null, source: DraftField["source"], opts: { required?: boolean; sourceRef?: string } = {}): DraftField {
  const editable = BIRTH_PARENT_DECIDES.has(key);
  return {
    value,
    source: value === null ? null : source,
    ...(opts.sourceRef && value !== null ? { sourceRef: opts.sourceRef } : {}),
    editable,
    required: opts.required ?? true,
    kind,
  };
}

/**
 * Prepares a birth-registration draft from the electronic birth certificate and what population
 * data knows about the parents. Pure: the caller looks the parents up and passes them in.
 * Every field records its source; fields only a parent can decide are left open unless there is a
 * safe suggestion (the planned name, the parents' shared ethnicity, a parent's hometown from
 * population data, the mother's ward).
 */
export function prefillBirthDraft(input: {
  certificate: BirthCertificate;
  knownMother: KnownPerson | null;
  knownFather: KnownPerson | null;
}): DraftFields {
  const { certificate: c, knownMother, knownFather } = input;
  const ref = c.certificateNo;
  const cert = "birth_certificate" as const;
  const fields: DraftFields = {};
  const kindOf = (key: string) => BIRTH_DRAFT_FIELDS.find((f) => f.key === key)?.kind ?? "text";
  const put = (key: string, value: string | number | null, source: DraftField["source"], opts: { required?: boolean; sourceRef?: string } = {}) => {
    fields[key] = field(kindOf(key), key, value, source, opts);
  };

  put("child.fullName", c.child.plannedName ?? null, cert, { sourceRef: ref });
  put("child.sex", c.child.sex, cert, { sourceRef: ref });
  put("child.dateOfBirth", vietnamDate(c.child.bornAt), cert, { sourceRef: ref });
  put("child.placeOfBirth", c.facility.name, cert, { sourceRef: ref });
  const sharedEthnicity = !c.father || sameText(c.father.ethnicity, c.mother.ethnicity) ? c.mother.ethnicity : null;
  put("child.ethnicity", sharedEthnicity, "derived");
  const vietnameseParent = c.mother.nationality === "VN" || c.father?.nationality === "VN";
  put("child.nationality", vietnameseParent ? "VN" : null, "derived");
  put("child.hometown", null, null);
  // A father's record counts only when the certificate names him as the child's father.
  fields["child.hometown"] = withProposedHometown(fields["child.hometown"]!, knownMother, c.father ? knownFather : null);

  put("mother.fullName", c.mother.fullName, cert, { sourceRef: ref });
  put("mother.dateOfBirth", c.mother.dateOfBirth, cert, { sourceRef: ref });
  put("mother.nationalId", c.mother.nationalId, cert, { sourceRef: ref });
  put("mother.ethnicity", c.mother.ethnicity, cert, { sourceRef: ref });
  put("mother.nationality", c.mother.nationality, cert, { sourceRef: ref });
  if (knownMother?.residenceAddress) put("mother.residence", knownMother.residenceAddress, "population_data");
  else put("mother.residence", c.mother.residence.address, cert, { sourceRef: ref });

  const hasFather = Boolean(c.father);
  const f = c.father;
  put("father.fullName", f?.fullName ?? null, cert, { required: hasFather, sourceRef: ref });
  put("father.dateOfBirth", f?.dateOfBirth ?? null, cert, { required: hasFather, sourceRef: ref });
  put("father.nationalId", f?.nationalId ?? null, cert, { required: hasFather, sourceRef: ref });
  put("father.ethnicity", f?.ethnicity ?? null, cert, { required: hasFather, sourceRef: ref });
  put("father.nationality", f?.nationality ?? null, cert, { required: hasFather, sourceRef: ref });
  if (knownFather?.residenceAddress) put("father.residence", knownFather.residenceAddress, "population_data", { required: false });
  else put("father.residence", f?.residence?.address ?? null, cert, { required: false, sourceRef: ref });

  const motherWard = knownMother?.residenceWardCode ?? c.mother.residence.wardCode;
  put("registration.wardCode", motherWard, "default");
  put("registration.copies", 1, "default");
  return fields;
}

/**
 * The child's hometown proposed from the parents' population records (see `proposeChildHometown`):
 * the value says whose it is, and each parent's hometown is offered to pick in one tap.
 */
function withProposedHometown(open: DraftField, mother: KnownPerson | null, father: KnownPerson | null): DraftField {
  const proposal = proposeChildHometown({ father: father?.hometown ?? null, mother: mother?.hometown ?? null });
  const fromRecords = (value: string, sourceOf: FieldProposal["sourceOf"]): FieldProposal => ({ value, source: "population_data", sourceOf });
  switch (proposal.kind) {
    case "none":
      return open;
    case "same":
      return { ...open, value: proposal.hometown, source: "population_data", sourceOf: "parents", proposals: [fromRecords(proposal.hometown, "parents")] };
    case "one_parent":
      return { ...open, value: proposal.hometown, source: "population_data", sourceOf: proposal.parent, proposals: [fromRecords(proposal.hometown, proposal.parent)] };
    case "father":
      return { ...open, value: proposal.hometown, source: "population_data", sourceOf: "father", proposals: [fromRecords(proposal.hometown, "father"), fromRecords(proposal.otherParent, "mother")] };
    case "mother":
      return { ...open, value: proposal.hometown, source: "population_data", sourceOf: "mother", proposals: [fromRecords(proposal.otherParent, "father"), fromRecords(proposal.hometown, "mother")] };
  }
}

function sameText(a: string, b: string): boolean {
  return normalizeName(a).toLowerCase() === normalizeName(b).toLowerCase();
}
