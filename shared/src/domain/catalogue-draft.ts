import type { DraftFieldSpec } from "../catalogue/schema.js";
import type { DraftField, DraftFields, FieldKind, FieldSource } from "./draft.js";

/**
 * Drafts of every level-2/3 service are built from the service's draft definition in the
 * catalogue: one field per spec entry, each with its source, read-only unless the citizen decides
 * it. The birth registration keeps its own richer prefill (birth-registration.ts); the others
 * come through here.
 */

/** How a field is edited when the catalogue does not say: read from the last part of its path. */
export function fieldKindOfPath(path: string): FieldKind {
  const last = path.split(".").pop() ?? path;
  if (/^(dateOfBirth|issuedOn|expiresOn|date)$/.test(last)) return "date";
  if (last === "dateTime") return "datetime";
  if (last === "ward" || last === "wardCode") return "ward";
  if (last === "phone") return "phone";
  if (last === "fullName") return "name";
  return "text";
}

/** Where a catalogue source's data comes from, as the draft records it. */
const SOURCE_OF: Record<DraftFieldSpec["source"], FieldSource | null> = {
  "population-data": "population_data",
  "business-registry": "business_registry",
  "department-list": "department_list",
  citizen: "citizen",
  // A hospital sends birth certificates and death notices: the caller says which.
  hospital: null,
};

/** A value the caller found for a field, and where it came from when not the spec's own source. */
export interface PrefillValue {
  value: string | number | null;
  source?: FieldSource;
  sourceRef?: string;
}

/**
 * Builds a draft's fields from its catalogue definition and the values found for it. A field the
 * citizen decides is editable and required (unless the catalogue marks it optional); a field from
 * a register that holds no value stays empty, not required: the agency completes it from its own
 * register, and the citizen is not asked for what the state should know.
 */
export function prefillFromSpec(specs: readonly DraftFieldSpec[], values: Readonly<Record<string, PrefillValue | undefined>>, opts: { hospitalSource?: FieldSource } = {}): DraftFields {
  const fields: DraftFields = {};
  for (const spec of specs) {
    const found = values[spec.path];
    const value = found?.value ?? null;
    const editable = spec.source === "citizen";
    const source = value === null ? null : (found?.source ?? SOURCE_OF[spec.source] ?? opts.hospitalSource ?? null);
    const field: DraftField = {
      value,
      source,
      editable,
      required: editable ? spec.optional !== true : false,
      kind: spec.kind ?? fieldKindOfPath(spec.path),
    };
    if (found?.sourceRef && value !== null) field.sourceRef = found.sourceRef;
    if (spec.options) field.options = spec.options.map((o) => o.value);
    fields[spec.path] = field;
  }
  return fields;
}

/** The group a field is shown under: the first part of its path (`holder`, `document`, …). */
export function groupOfPath(path: string): string {
  return path.split(".")[0] ?? path;
}
