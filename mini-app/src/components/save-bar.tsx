import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";

/** Saves the edits; stays in view at the bottom of the screen while there is something unsaved. */
export function SaveBar(props: { dirty: boolean; saved: boolean; saving: boolean; disabled: boolean; onSave: () => void }) {
  const { t } = useTranslation(APP_NAMESPACES);
  return (
    <div className={props.dirty ? "save-bar save-bar--sticky" : "save-bar"}>
      {props.dirty && (
        <p className="save-bar__text" data-testid="unsaved-notice">
          {t("draft.unsaved")}
        </p>
      )}
      <p className="save-bar__text save-bar__text--saved" role="status" data-testid="saved-notice" hidden={!props.saved}>
        {props.saved ? t("draft.saved") : ""}
      </p>
      <Button
        fullWidth
        size="large"
        variant={props.dirty ? "primary" : "secondary"}
        loading={props.saving}
        disabled={!props.dirty || props.disabled}
        onClick={props.onSave}
        data-testid="save-button"
      >
        {props.saving ? t("draft.saving") : t("draft.save")}
      </Button>
    </div>
  );
}
