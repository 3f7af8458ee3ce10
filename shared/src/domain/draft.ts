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

/** How a field is edited in the Mini App. */
export const FIELD_KINDS = ["text", "name", "date", "datetime", "sex", "ward", "count", "phone", "select"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const draftFieldSchema = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  source: z.enum(FIELD_SOURCES).nullable(),
  /** A reference to the source record (e.g. the certificate number), never personal data. */
  sourceRef: z.string().optional(),
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
  procedureCode: string;
  version: number;
  fields: DraftFields;
  consentTextVersion: string;
  /** The SHA-256 of each attached file by its key: a consent covers the papers too. */
  attachments?: Readonly<Record<string, string>>;
}): string {
  const fields: Record<string, { value: DraftField["value"]; source: FieldSource | null }> = {};
  for (const [k, f] of Object.entries(draft.fields)) fields[k] = { value: f.value, source: f.source };
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
