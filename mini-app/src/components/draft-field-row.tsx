import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import type { DraftViewField, FieldError } from "@hccd/shared/client";
import { fieldDisplayValue } from "../format/field-value";
import type { FieldValue } from "../hooks/use-field-edits";
import type { WardsState } from "../hooks/use-wards";
import { APP_NAMESPACES } from "../i18n/app-t";
import { asFieldHintKey, asFieldLabelKey } from "../i18n/keys";
import { errorText, fieldErrorText } from "../i18n/error-text";
import { fieldInputId } from "./field-input-id";
import { FieldEditor } from "./field-editor";
import { SourceBadge } from "./source-badge";
import { localised, lowerFirst } from "../i18n/localised";

export interface DraftFieldRowProps {
  field: DraftViewField;
  /** Open required field: no value yet, the draft cannot be sent. */
  open: boolean;
  /** The parents may change it now (the draft is open and the field is theirs to decide). */
  editing: boolean;
  value: FieldValue;
  /** The control holds a value not saved yet. */
  pending: boolean;
  onChange: (value: FieldValue) => void;
  error: FieldError | undefined;
  wards: WardsState;
  disabled: boolean;
  /** Saves one of the values the records propose (the other parent's hometown): one tap. */
  onPick?: (value: string) => void;
}

/**
 * One field: label, value or control, where the value came from, and what is wrong with it.
 * A field the parents decide shows its value with a "change" button, so that confirming a good
 * draft needs no typing; it opens as a control straight away when it is empty, has an unsaved
 * value or an error. Values the records propose besides the current one (the other parent's
 * hometown) are one tap away. Mount with a key that includes the draft version to fold it after a save.
 */
export function DraftFieldRow(props: DraftFieldRowProps) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { field } = props;
  const id = fieldInputId(field.key);
  const labelKey = asFieldLabelKey(field.key);
  // The catalogue's own label where the server sends one; the app's words for the birth registration.
  const label = field.label ? localised(field.label, i18n.language) : labelKey ? t(`fields.${labelKey}`) : field.key;
  const [expanded, setExpanded] = useState(false);
  const showControl = props.editing && (expanded || props.pending || Boolean(props.error) || field.value === null || field.value === "");
  useEffect(() => {
    if (expanded) document.getElementById(id)?.focus();
  }, [expanded, id]);
  const hintKey = showControl ? asFieldHintKey(field.key) : null;
  const hintId = hintKey ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const display = fieldDisplayValue(t, field, props.wards.wardName, i18n.language);
  const wardsFailed = showControl && field.kind === "ward" && props.wards.state.status === "error";
  // The control's value when one is open, else the saved one: what a proposal would replace.
  const current = showControl ? props.value : field.value;
  const picks = props.editing && props.onPick ? (field.proposals ?? []).filter((p) => p.value !== current) : [];

  const classes = ["field", props.open && "field--open", props.editing && "field--editable", props.error && "field--invalid"].filter(Boolean).join(" ");
  return (
    <div className={classes} data-testid={`draft-field-${field.key}`} data-open={props.open} data-editable={field.editable} data-kind={field.kind}>
      <div className="field__head">
        {showControl ? (
          <label className="field__label" htmlFor={id}>
            {label}
          </label>
        ) : (
          <span className="field__label">{label}</span>
        )}
        {props.open && (
          <span className="badge badge--needed" data-testid={`field-open-${field.key}`}>
            {t("draft.needsInput")}
          </span>
        )}
      </div>

      {showControl ? (
        <FieldEditor
          field={field}
          value={props.value}
          onChange={props.onChange}
          wards={props.wards}
          inputId={id}
          describedBy={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          invalid={Boolean(props.error)}
          disabled={props.disabled}
        />
      ) : (
        <div className="field__value-row">
          <p className={display === null ? "field__value field__value--empty" : "field__value"} data-testid={`field-value-${field.key}`}>
            {display ?? t("draft.notProvided")}
          </p>
          {props.editing && (
            <Button
              size="small"
              variant="secondary"
              className="field__edit"
              aria-label={t("draft.editLabel", { field: label })}
              disabled={props.disabled}
              onClick={() => setExpanded(true)}
              data-testid={`field-edit-${field.key}`}
            >
              {t("draft.edit")}
            </Button>
          )}
        </div>
      )}

      {hintKey && (
        <p id={hintId} className="field__hint">
          {t(`fieldHints.${hintKey}`)}
        </p>
      )}
      {wardsFailed && props.wards.state.status === "error" && (
        <div className="field__error" role="alert">
          {errorText(t, props.wards.state.error)}{" "}
          <Button size="small" variant="tertiary" onClick={() => void props.wards.reload()}>
            {t("actions.retry")}
          </Button>
        </div>
      )}
      {props.error && (
        <p id={errorId} className="field__error" role="alert" data-testid={`field-error-${field.key}`}>
          {/* Named, so the message reads on its own (in the notice list, to a screen reader, at 200% text). */}
          {t("draft.fieldError", { field: label, message: fieldErrorText(t, field, props.value) })}
        </p>
      )}
      {picks.map((p) => (
        <Button
          key={`${p.sourceOf}:${p.value}`}
          fullWidth
          variant="secondary"
          className="field__pick"
          disabled={props.disabled}
          onClick={() => props.onPick?.(p.value)}
          data-testid={`field-pick-${field.key}-${p.sourceOf}`}
        >
          {t(`draft.pick.${p.sourceOf}`, { field: lowerFirst(label), value: p.value })}
        </Button>
      ))}
      <SourceBadge fieldKey={field.key} source={field.source} sourceOf={field.sourceOf} fieldLabel={label} />
    </div>
  );
}
