import type { DraftView, DraftViewField } from "@hccd/shared/client";

const GROUP_ORDER = ["child", "mother", "father", "guardian", "deceased", "death", "requester", "holder", "document", "registration", "appointment", "contact"] as const;
export type KnownGroup = (typeof GROUP_ORDER)[number];
const WARD_FIELD = "registration.wardCode";

export function isKnownGroup(g: string): g is KnownGroup {
  return (GROUP_ORDER as readonly string[]).includes(g);
}

/** Fields by group in the app's order; a group the app does not know comes last, in server order. */
export function groupFields(fields: readonly DraftViewField[]): [string, DraftViewField[]][] {
  const groups = new Map<string, DraftViewField[]>();
  for (const g of GROUP_ORDER) groups.set(g, []);
  for (const f of fields) {
    const list = groups.get(f.group) ?? [];
    list.push(f);
    groups.set(f.group, list);
  }
  return [...groups.entries()].filter(([, list]) => list.length > 0);
}

/** The registration place the citizen is looking at: their unsaved choice, else the draft's. */
export function chosenWardName(view: DraftView, valueOf: (f: DraftViewField) => unknown, wardName: (code: string) => string | null): string | null {
  const field = view.fields.find((f) => f.key === WARD_FIELD);
  const code = field ? valueOf(field) : null;
  return typeof code === "string" && code !== "" ? (wardName(code) ?? code) : null;
}
