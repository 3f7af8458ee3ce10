import type { DraftViewField } from "@hccd/shared";
import type { AppT } from "../i18n/app-t";
import { asCountryCode } from "../i18n/keys";
import { formatDate } from "./dates";

/** A field's value as the citizen reads it (`male` → "Nam", `VN` → "Việt Nam", a ward code → its name); null when empty. */
export function fieldDisplayValue(t: AppT, field: DraftViewField, wardName: (code: string) => string | null): string | null {
  const v = field.value;
  if (v === null || v === "") return null;
  const text = String(v);
  switch (field.kind) {
    case "sex":
      return text === "male" || text === "female" ? t(`common:sex.${text}`) : text;
    case "date":
      return formatDate(text);
    case "ward":
      return wardName(text) ?? text;
    case "count":
      return text;
    case "name":
    case "text": {
      const country = field.key.endsWith(".nationality") ? asCountryCode(text) : null;
      return country ? t(`countries.${country}`) : text;
    }
  }
}
