import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText } from "../i18n/error-text";
import { toApiError } from "../services/api-error";
import { useAppServices } from "../session/app-services-context";

const SCORES = [5, 4, 3, 2, 1] as const;

/** Satisfaction after the result (the plans' indicator: at least 95% satisfied), with an optional comment. */
export function RatingSection(props: { submissionId: string }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const { api } = useAppServices();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "sending" | "done" } | { kind: "error"; text: string }>({ kind: "idle" });

  const send = async () => {
    if (score === null) return;
    setState({ kind: "sending" });
    try {
      await api.rate(props.submissionId, { score, ...(comment.trim() ? { comment } : {}) });
      setState({ kind: "done" });
    } catch (raw) {
      setState({ kind: "error", text: errorText(t, toApiError(raw)) });
    }
  };

  if (state.kind === "done") {
    return (
      <section className="card" data-testid="rating-section" data-state="done">
        <p role="status" data-testid="rating-thanks">
          {t("rating.thanks")}
        </p>
        <Button variant="tertiary" onClick={() => setState({ kind: "idle" })}>
          {t("rating.change")}
        </Button>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="rating-title" data-testid="rating-section">
      <h2 id="rating-title" className="card__title">
        {t("rating.heading")}
      </h2>
      <fieldset className="rating">
        <legend className="visually-hidden">{t("rating.scoreLabel")}</legend>
        {SCORES.map((s) => (
          <label key={s} className={`rating__option${score === s ? " rating__option--chosen" : ""}`}>
            <input type="radio" name="rating" value={s} checked={score === s} onChange={() => setScore(s)} data-testid={`rating-${s}`} />
            <span>{t(`rating.scores.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="field__label" htmlFor="rating-comment">
        {t("rating.comment")}
      </label>
      <textarea id="rating-comment" className="native-control" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="rating-comment" />
      {state.kind === "error" && (
        <p className="field__error" role="alert">
          {state.text}
        </p>
      )}
      <Button fullWidth size="large" disabled={score === null || state.kind === "sending"} loading={state.kind === "sending"} onClick={() => void send()} data-testid="rating-send">
        {state.kind === "sending" ? t("rating.sending") : t("rating.send")}
      </Button>
    </section>
  );
}
