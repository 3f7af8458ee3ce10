import { z } from "zod";

/**
 * Where a draft field's value came from. Shown to the citizen next to every field, so they know
 * what the state already holds and what they are asked to decide.
 */
export const FIELD_SOURCES = [
  "birth_certificate",
  "death_notice",
  "population_data",
  "business_registry",
  "department_list",
  "derived",
  "default",
  "citizen",
] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/**
 * Whose record a value was taken from, when it is not the draft subject's own: the child's
 * hometown is the father's, the mother's, or both parents' (the same place). Shown with the source.
 */
export const SOURCE_OF = ["father", "mother", "parents"] as const;
export type SourceOf = (typeof SOURCE_OF)[number];

/** A value the records propose for a field, which the citizen may pick in one tap. */
export const fieldProposalSchema = z.object({
  value: z.string(),
  source: z.enum(FIELD_SOURCES),
  sourceOf: z.enum(SOURCE_OF),
});
export type FieldProposal = z.infer<typeof fieldProposalSchema>;

/** How a field is edited in the Mini App. */
export const FIELD_KINDS = ["text", "name", "date", "datetime", "sex", "ward", "count", "phone", "select"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const draftFieldSchema = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  source: z.enum(FIELD_SOURCES).nullable(),
  /** A reference to the source record (e.g. the certificate number), never personal data. */
  sourceRef: z.string().optional(),
  /** Whose record in `source` the value comes from (absent: the subject's own, or not a record). */
  sourceOf: z.enum(SOURCE_OF).optional(),
  /**
   * Values the records propose (e.g. each parent's hometown): picking one keeps its source and
   * whose it is; any other value is the citizen's.
   */
  proposals: z.array(fieldProposalSchema).optional(),
  editable: z.boolean(),
  required: z.boolean(),
  kind: z.enum(FIELD_KINDS),
  /** For `select`: the values the citizen may choose from (their words come with the draft view). */
  options: z.array(z.string()).optional(),
});
export type DraftField = z.infer<typeof draftFieldSchema>;
export type DraftFields = Record<string, DraftField>;

/** Keys of required fields that still have no value: the draft cannot be consented to yet. */
export function openRequiredFields(fields: DraftFields): string[] {
  return Object.entries(fields)
    .filter(([, f]) => f.required && (f.value === null || f.value === ""))
    .map(([k]) => k);
}

/** Deterministic JSON (keys sorted at every level) so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * Exactly what the citizen is shown and consents to: the procedure, the draft version, every
 * field's value and source, and the consent text version. Its SHA-256 is the consent's content hash.
 */
export function consentContent(draft: {
  id: string;
  procedureCode: string | null;
  version: number;
  fields: DraftFields;
  consentTextVersion: string;
  /** The SHA-256 of each attached file by its key: a consent covers the papers too. */
  attachments?: Readonly<Record<string, string>>;
}): string {
  // Whose record a value came from is shown beside it, so it is part of what is consented to.
  const fields: Record<string, { value: DraftField["value"]; source: FieldSource | null; sourceOf?: SourceOf }> = {};
  for (const [k, f] of Object.entries(draft.fields)) fields[k] = { value: f.value, source: f.source, ...(f.sourceOf ? { sourceOf: f.sourceOf } : {}) };
  const attachments = draft.attachments && Object.keys(draft.attachments).length > 0 ? draft.attachments : undefined;
  return canonicalJson({
    draftId: draft.id,
    procedureCode: draft.procedureCode,
    version: draft.version,
    fields,
    consentTextVersion: draft.consentTextVersion,
    attachments,
  });
}
