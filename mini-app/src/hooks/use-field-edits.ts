import { useCallback, useMemo, useState } from "react";
import type { DraftViewField } from "@hccd/shared/client";

export type FieldValue = string | number | null;

/** What would be sent for a control's value: blank text is "no value", text is trimmed. */
function normalize(v: FieldValue): FieldValue {
  if (typeof v !== "string") return v;
  const trimmed = v.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * Unsaved edits to a draft's editable fields. `changes` holds only values that differ from what
 * the server has, so editing a field back to its value leaves nothing to save. Edits survive a
 * reload of the draft (e.g. after a stale-version conflict) and are dropped only after a save.
 */
export function useFieldEdits(fields: readonly DraftViewField[]) {
  const [edits, setEdits] = useState<Record<string, FieldValue>>({});
  const byKey = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);

  const changes = useMemo(() => {
    const out: Record<string, FieldValue> = {};
    for (const [key, raw] of Object.entries(edits)) {
      const field = byKey.get(key);
      if (!field?.editable) continue;
      const value = normalize(raw);
      if (value !== field.value) out[key] = value;
    }
    return out;
  }, [edits, byKey]);

  const valueOf = useCallback((field: DraftViewField): FieldValue => (field.key in edits ? (edits[field.key] ?? null) : field.value), [edits]);
  const set = useCallback((key: string, value: FieldValue) => setEdits((e) => ({ ...e, [key]: value })), []);
  const clear = useCallback(() => setEdits({}), []);

  return { valueOf, set, clear, changes, dirty: Object.keys(changes).length > 0 };
}

export type FieldEdits = ReturnType<typeof useFieldEdits>;
