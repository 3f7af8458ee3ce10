import { useTranslation } from "react-i18next";
import type { FieldSource } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";

/** Where a value came from, so the citizen knows what the state already holds and what is theirs to decide. */
export function SourceBadge(props: { fieldKey: string; source: FieldSource | null }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const source = props.source ?? "none";
  return (
    <p className="field__source">
      <span className="muted">{t("draft.sourceLabel")} </span>
      <span className={`source-badge source-badge--${source}`} data-testid={`field-source-${props.fieldKey}`} data-source={source}>
        {t(`common:sources.${source}`)}
      </span>
    </p>
  );
}
