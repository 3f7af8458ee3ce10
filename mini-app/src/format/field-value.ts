import type { DraftViewField } from "@hccd/shared/client";
import type { AppT } from "../i18n/app-t";
import { asCountryCode } from "../i18n/keys";
import { formatDate, formatInstant } from "./dates";
import { localised } from "../i18n/localised";

/** A field's value as the citizen reads it (`male` → "Nam", `VN` → "Việt Nam", a ward code → its name); null when empty. */
export function fieldDisplayValue(t: AppT, field: DraftViewField, wardName: (code: string) => string | null, language?: string): string | null {
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
    case "datetime":
      return formatInstant(text);
    case "phone":
      return text.replace(/^(\d{4})(\d{3})(\d{3})$/, "$1 $2 $3");
    case "select": {
      const label = field.optionLabels?.[text];
      return label ? localised(label, language) : text;
    }
    case "name":
    case "text": {
      const country = field.key.endsWith(".nationality") ? asCountryCode(text) : null;
      return country ? t(`countries.${country}`) : text;
    }
  }
}
