import { clientResources as resources } from "@hccd/shared/client";

type AppStrings = (typeof resources)["vi"]["app"];
/** `{child: {fullName: "..."}}` → `"child.fullName"`: the draft's field keys are two-level. */
type TwoLevelKeys<T> = { [G in keyof T & string]: { [K in keyof T[G] & string]: `${G}.${K}` }[keyof T[G] & string] }[keyof T & string];

export type FieldLabelKey = TwoLevelKeys<AppStrings["fields"]>;
export type FieldHintKey = TwoLevelKeys<AppStrings["fieldHints"]>;
export type CountryCode = keyof AppStrings["countries"];

function hasTwoLevelKey(table: Record<string, Record<string, string>>, key: string): boolean {
  const [group, name, ...rest] = key.split(".");
  if (group === undefined || name === undefined || rest.length > 0) return false;
  return Object.prototype.hasOwnProperty.call(table, group) && Object.prototype.hasOwnProperty.call(table[group], name);
}

const appStrings: AppStrings = resources.vi.app;

/** A draft field key (`child.fullName`) as a typed label key, or null for a field the app does not know. */
export function asFieldLabelKey(key: string): FieldLabelKey | null {
  return hasTwoLevelKey(appStrings.fields, key) ? (key as FieldLabelKey) : null;
}

/** The plain-words hint of an editable field, when there is one. */
export function asFieldHintKey(key: string): FieldHintKey | null {
  return hasTwoLevelKey(appStrings.fieldHints, key) ? (key as FieldHintKey) : null;
}

export function asCountryCode(value: string): CountryCode | null {
  return Object.prototype.hasOwnProperty.call(appStrings.countries, value) ? (value as CountryCode) : null;
}
