import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";

export interface ConsentSectionProps {
  /** The sentence the citizen ticks, in the draft's own wording. */
  statement: string;
  /** Required fields and papers still missing (from the server's view). */
  openCount: number;
  /** Why the button waits, when it is a missing paper rather than a field. */
  blockedText?: string;
  /** Edits not saved yet: consent must quote the content the server holds. */
  dirty: boolean;
  sending: boolean;
  disabled: boolean;
  onConsent: () => void;
}

/**
 * The explicit consent: a tick and a button. The button waits for the tick, for every required
 * field and for saved edits. Mount it with `key={contentHash}` so a change of content clears the tick.
 */
export function ConsentSection(props: ConsentSectionProps) {
  const { t } = useTranslation(APP_NAMESPACES);
  const [checked, setChecked] = useState(false);
  const ready = checked && props.openCount === 0 && !props.dirty;

  return (
    <section className="card consent" aria-labelledby="consent-title" data-testid="consent-section">
      <h2 id="consent-title" className="card__title">
        {t("consent.heading")}
      </h2>
      <label className="consent__check">
        <input type="checkbox" checked={checked} disabled={props.sending} onChange={(e) => setChecked(e.target.checked)} data-testid="consent-checkbox" />
        <span>{props.statement}</span>
      </label>
      {props.openCount > 0 && (
        <p className="field__error" data-testid="consent-blocked-open">
          {props.blockedText ?? t("consent.blockedOpen")}
        </p>
      )}
      {props.openCount === 0 && props.dirty && (
        <p className="field__error" data-testid="consent-blocked-unsaved">
          {t("draft.unsaved")}
        </p>
      )}
      {props.openCount === 0 && !props.dirty && !checked && <p className="muted">{t("consent.blockedUnchecked")}</p>}
      <Button fullWidth size="large" loading={props.sending} disabled={!ready || props.sending || props.disabled} onClick={props.onConsent} data-testid="consent-button">
        {props.sending ? t("consent.sending") : t("consent.button")}
      </Button>
    </section>
  );
}
