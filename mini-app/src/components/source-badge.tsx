import { useTranslation } from "react-i18next";
import type { FieldSource, SourceOf } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";
import { lowerFirst } from "../i18n/localised";

/**
 * Where a value came from, so the citizen knows what the state already holds and what is theirs to
 * decide; and whose record it is when it is not the subject's own ("the father's hometown").
 */
export function SourceBadge(props: { fieldKey: string; source: FieldSource | null; sourceOf?: SourceOf | undefined; fieldLabel: string }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const source = props.source ?? "none";
  return (
    <p className="field__source">
      <span className="muted">{t("draft.sourceLabel")} </span>
      <span className={`source-badge source-badge--${source}`} data-testid={`field-source-${props.fieldKey}`} data-source={source}>
        {t(`common:sources.${source}`)}
      </span>
      {props.sourceOf && (
        <span className="field__source-of" data-testid={`field-source-of-${props.fieldKey}`} data-source-of={props.sourceOf}>
          {" · "}
          {t(`draft.sourceOf.${props.sourceOf}`, { field: lowerFirst(props.fieldLabel) })}
        </span>
      )}
    </p>
  );
}
