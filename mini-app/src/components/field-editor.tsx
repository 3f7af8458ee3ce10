import { useTranslation } from "react-i18next";
import { Input } from "zmp-ui";
import { MAX_COPIES, type DraftViewField } from "@hccd/shared/client";
import type { FieldValue } from "../hooks/use-field-edits";
import type { WardsState } from "../hooks/use-wards";
import { APP_NAMESPACES } from "../i18n/app-t";
import { localised } from "../i18n/localised";

export interface FieldEditorProps {
  field: DraftViewField;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  wards: WardsState;
  inputId: string;
  describedBy: string | undefined;
  invalid: boolean;
  disabled: boolean;
}

const COUNT_OPTIONS = Array.from({ length: MAX_COPIES + 1 }, (_, i) => i);

/**
 * The control for a field's kind. Choices are native selects: the phone's own picker is familiar,
 * large and accessible, and works at any text size.
 */
export function FieldEditor(props: FieldEditorProps) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { field, value, onChange, inputId } = props;
  const common = {
    id: inputId,
    disabled: props.disabled,
    required: field.required,
    "aria-invalid": props.invalid || undefined,
    "aria-describedby": props.describedBy,
    "data-testid": `field-input-${field.key}`,
  };
  const text = value === null ? "" : String(value);

  switch (field.kind) {
    case "name":
    case "text":
      return (
        <Input
          {...common}
          type="text"
          value={text}
          maxLength={field.kind === "name" ? 100 : 200}
          autoComplete="off"
          autoCapitalize={field.kind === "name" ? "words" : "sentences"}
          status={props.invalid ? "error" : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "date":
      return <input {...common} className="native-control" type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
    case "datetime":
      return <input {...common} className="native-control" type="datetime-local" value={text.slice(0, 16)} onChange={(e) => onChange(e.target.value === "" ? null : `${e.target.value}:00+07:00`)} />;
    case "phone":
      return (
        <input {...common} className="native-control" type="tel" inputMode="tel" autoComplete="tel" value={text} maxLength={16} onChange={(e) => onChange(e.target.value)} />
      );
    case "select":
      return (
        <select {...common} className="native-control" value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("draft.choose")}</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {field.optionLabels?.[o] ? localised(field.optionLabels[o], i18n.language) : o}
            </option>
          ))}
        </select>
      );
    case "sex":
      return (
        <select {...common} className="native-control" value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("draft.choose")}</option>
          <option value="male">{t("common:sex.male")}</option>
          <option value="female">{t("common:sex.female")}</option>
        </select>
      );
    case "ward": {
      const known = props.wards.wards.some((w) => w.code === text);
      return (
        <select {...common} className="native-control" value={text} disabled={props.disabled || props.wards.state.status === "loading"} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("draft.choose")}</option>
          {/* Keep a value the list does not (yet) hold selectable, so it is not silently changed. */}
          {text !== "" && !known && <option value={text}>{text}</option>}
          {props.wards.wards.map((w) => (
            <option key={w.code} value={w.code}>
              {w.name}
            </option>
          ))}
        </select>
      );
    }
    case "count":
      return (
        <select {...common} className="native-control native-control--short" value={text} onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}>
          {text === "" && <option value="">{t("draft.choose")}</option>}
          {COUNT_OPTIONS.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      );
  }
}
