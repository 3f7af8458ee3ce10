import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Page } from "zmp-ui";
import type { FaqAskResponse } from "@hccd/shared/client";
import { BottomNav } from "../components/bottom-nav";
import { ErrorState } from "../components/error-state";
import { HotlineButton } from "../components/hotline-button";
import { PageHeader } from "../components/page-header";
import { APP_NAMESPACES } from "../i18n/app-t";
import { toApiError, type ApiError } from "../services/api-error";
import { useAppServices } from "../session/app-services-context";

/**
 * The bot's FAQ engine in the app: typed as people type (no diacritics, abbreviations). A question
 * that asks for a person gets the way to reach one (the OA chat, the 1022 hotline), not an answer.
 */
export function FaqPage() {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { api } = useAppServices();
  const [question, setQuestion] = useState("");
  const [state, setState] = useState<{ kind: "idle" } | { kind: "asking" } | { kind: "answer"; answer: FaqAskResponse } | { kind: "error"; error: ApiError }>({ kind: "idle" });

  const ask = async () => {
    if (!question.trim()) return;
    setState({ kind: "asking" });
    try {
      setState({ kind: "answer", answer: await api.askFaq(question, i18n.language.startsWith("en") ? "en" : "vi") });
    } catch (raw) {
      setState({ kind: "error", error: toApiError(raw) });
    }
  };
  const best = state.kind === "answer" && state.answer.answered ? state.answer.matches[0] : undefined;

  return (
    <Page className="page page--with-nav" data-testid="faq-page">
      <PageHeader title={t("faq.title")} />
      <main className="page-body">
        <h1 className="heading">{t("faq.title")}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void ask();
          }}
        >
          <label className="field__label" htmlFor="faq-question">
            {t("faq.label")}
          </label>
          <p id="faq-hint" className="field__hint">
            {t("faq.hint")}
          </p>
          <input id="faq-question" className="native-control" type="search" value={question} maxLength={500} placeholder={t("faq.placeholder")} aria-describedby="faq-hint" onChange={(e) => setQuestion(e.target.value)} data-testid="faq-input" />
          <Button htmlType="submit" fullWidth size="large" loading={state.kind === "asking"} disabled={!question.trim() || state.kind === "asking"} data-testid="faq-ask">
            {state.kind === "asking" ? t("faq.asking") : t("faq.ask")}
          </Button>
        </form>
        <div aria-live="polite">
          {state.kind === "error" && <ErrorState error={state.error} onRetry={() => void ask()} />}
          {best && (
            <section className="card" data-testid="faq-answer" data-entry={best.id}>
              <h2 className="card__title">{best.question}</h2>
              <p className="preline">{best.answer}</p>
            </section>
          )}
          {state.kind === "answer" && state.answer.asksForPerson && (
            <section className="card" data-testid="faq-person">
              <h2 className="card__title">{t("faq.personTitle")}</h2>
              <p className="preline">{t("faq.person")}</p>
              <HotlineButton />
            </section>
          )}
          {state.kind === "answer" && !state.answer.answered && !state.answer.asksForPerson && (
            <p className="empty" data-testid="faq-not-found">
              {t("faq.notFound")}
            </p>
          )}
          {state.kind === "answer" && state.answer.matches.length > 1 && (
            <details className="card">
              <summary>{t("faq.related")}</summary>
              <ul className="plain-list">
                {state.answer.matches.slice(best ? 1 : 0, 4).map((m) => (
                  <li key={m.id}>
                    <strong>{m.question}</strong>
                    <p className="preline">{m.answer}</p>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </main>
      <BottomNav />
    </Page>
  );
}
