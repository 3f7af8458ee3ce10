import {
  BIRTH_CONSENT_TEXT_VERSION,
  BIRTH_DRAFT_FIELDS,
  DEATH_CONSENT_TEXT_VERSION,
  RENEWAL_CONSENT_TEXT_VERSION,
  SELF_FILING_CONSENT_TEXT_VERSION,
  filingOf,
  groupOfPath,
  serviceByKey,
  type DraftKind,
  type Filing,
  type LocalisedText,
  type ServiceEntry,
} from "@hccd/shared";

/** What the citizen API needs to know about a draft's service, read from the catalogue. */
export interface DraftProfile {
  kind: DraftKind;
  consentTextVersion: string;
  serviceName: LocalisedText;
  agency: LocalisedText;
  /** The catalogue's field labels and select options (none for the birth registration: the app words those). */
  labelOf(path: string): LocalisedText | null;
  optionLabelsOf(path: string): Record<string, LocalisedText> | undefined;
  groupOf(path: string): string;
  orderOf(path: string): number;
  attachments: NonNullable<NonNullable<ServiceEntry["draft"]>["attachments"]>;
  /** The draft field naming what the dossier is about, for titles. */
  titleField: string;
  /** Who files the dossier once confirmed (the service's level: shared/domain/filing.ts). */
  filing: Filing;
}

/** "Đăng ký khai sinh (chủ động)" is how the plan names the service; the citizen reads "Đăng ký khai sinh". */
export function citizenServiceName(entry: ServiceEntry): LocalisedText {
  const strip = (s: string) => s.replace(/\s*\((chủ động|proactive)\)\s*$/i, "");
  return { vi: strip(entry.name.vi), en: strip(entry.name.en) };
}

const BIRTH_GROUP = new Map(BIRTH_DRAFT_FIELDS.map((f) => [f.key, f.group]));
const BIRTH_ORDER = new Map(BIRTH_DRAFT_FIELDS.map((f, i) => [f.key, i]));

/** The profile of a service that prepares drafts; throws for a key the catalogue does not know. */
export function draftProfile(serviceKey: string): DraftProfile {
  const entry = serviceByKey(serviceKey);
  if (!entry?.draft) throw new Error(`service "${serviceKey}" prepares no draft in the catalogue`);
  const specs = entry.draft.fields;
  const specOf = new Map(specs.map((f, i) => [f.path, { spec: f, i }]));
  const serviceName = citizenServiceName(entry);
  if (serviceKey === "birth-registration") {
    return {
      kind: "birth-registration", consentTextVersion: BIRTH_CONSENT_TEXT_VERSION, serviceName, agency: entry.leadAgency,
      labelOf: () => null, optionLabelsOf: () => undefined,
      groupOf: (p) => BIRTH_GROUP.get(p) ?? "other", orderOf: (p) => BIRTH_ORDER.get(p) ?? 99,
      attachments: [], titleField: "child.fullName", filing: filingOf(entry),
    };
  }
  const death = entry.trigger.kind === "death";
  const filing = filingOf(entry);
  return {
    kind: death ? "death-registration" : "renewal",
    // A dossier the citizen files themselves is confirmed under words that say nothing is sent.
    consentTextVersion: death ? DEATH_CONSENT_TEXT_VERSION : filing.by === "system" ? RENEWAL_CONSENT_TEXT_VERSION : SELF_FILING_CONSENT_TEXT_VERSION,
    filing,
    serviceName,
    agency: entry.leadAgency,
    labelOf: (p) => specOf.get(p)?.spec.label ?? null,
    optionLabelsOf: (p) => {
      const options = specOf.get(p)?.spec.options;
      return options ? Object.fromEntries(options.map((o) => [o.value, o.label])) : undefined;
    },
    groupOf: groupOfPath,
    orderOf: (p) => specOf.get(p)?.i ?? 99,
    attachments: entry.draft.attachments ?? [],
    // A child's application (plan 920 row 2) is named by the child; a renewal by its document.
    titleField: death ? "deceased.fullName" : specOf.has("child.fullName") ? "child.fullName" : "document.number",
  };
}
