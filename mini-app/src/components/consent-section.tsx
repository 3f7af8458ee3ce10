import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";

export interface ConsentSectionProps {
  /** The sentence the citizen agrees to, in the draft's own wording. */
  statement: string;
  /** Required fields and papers still missing (from the server's view). */
  openCount: number;
  /** Why the button waits, when it is a missing paper rather than a field. */
  blockedText?: string;
  /** Edits not saved yet: consent must quote the content the server holds. */
  dirty: boolean;
  sending: boolean;
  /** What the heading and the button say when nothing is sent (a dossier the citizen files themselves). */
  heading?: string;
  buttonText?: string;
  disabled: boolean;
  onConsent: () => void;
}

/**
 * The explicit consent: the statement in full, then one button that says what it does ("I agree
 * and send"). Pressing it is the affirmative act the law asks for (Law 91/2025/QH15: consent is a
 * clear action, never a default), and it keeps confirming a good draft to three taps from the
 * link inside Zalo (share phone, Zalo's "allow", agree). The button waits for every required field
 * and paper and for saved edits.
 */
export function ConsentSection(props: ConsentSectionProps) {
  const { t } = useTranslation(APP_NAMESPACES);
  const ready = props.openCount === 0 && !props.dirty;

  return (
    <section className="card consent" aria-labelledby="consent-title" data-testid="consent-section">
      <h2 id="consent-title" className="card__title">
        {props.heading ?? t("consent.heading")}
      </h2>
      <p id="consent-statement" className="consent__statement" data-testid="consent-statement">
        {props.statement}
      </p>
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
      <Button
        fullWidth
        size="large"
        loading={props.sending}
        disabled={!ready || props.sending || props.disabled}
        onClick={props.onConsent}
        aria-describedby="consent-statement"
        data-testid="consent-button"
      >
        {props.sending ? t("consent.sending") : (props.buttonText ?? t("consent.button"))}
      </Button>
    </section>
  );
}
