import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import type { DossierCopy, DraftViewField } from "@hccd/shared/client";
import { ErrorState } from "../components/error-state";
import { GuideSection } from "../components/guide-section";
import { LoadingState } from "../components/loading-state";
import { PageHeader } from "../components/page-header";
import { PhoneLinkStep } from "../components/phone-link-step";
import { formatDate, formatInstant } from "../format/dates";
import { fieldDisplayValue } from "../format/field-value";
import { useResource } from "../hooks/use-resource";
import { useWards } from "../hooks/use-wards";
import { APP_NAMESPACES } from "../i18n/app-t";
import { asFieldLabelKey } from "../i18n/keys";
import { localised } from "../i18n/localised";
import { useAppServices } from "../session/app-services-context";
import { useProfile } from "../session/profile-context";

/** The dossier as confirmed, to keep, print or show at the counter. */
function CopyBody(props: { copy: DossierCopy }) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { wardName } = useWards();
  const { draft, guidance } = props.copy;
  const labelOf = (f: DraftViewField) => {
    const key = asFieldLabelKey(f.key);
    return f.label ? localised(f.label, i18n.language) : key ? t(`fields.${key}`) : f.key;
  };
  return (
    <article className="dossier-copy" data-testid="dossier-copy">
      <h1 className="heading" data-testid="copy-title">
        {localised(draft.serviceName, i18n.language)}
      </h1>
      <p data-testid="copy-not-submitted">{t("copy.notSubmitted", { agency: localised(draft.agency, i18n.language) })}</p>
      <dl className="copy-facts">
        <dt>{t("copy.reference")}</dt>
        <dd data-testid="copy-reference">{props.copy.reference}</dd>
        <dt>{t("copy.procedureCode")}</dt>
        <dd>{draft.procedureCode ?? t("copy.procedureCodeUnknown")}</dd>
        {draft.consent && (
          <>
            <dt>{t("copy.confirmedAt")}</dt>
            <dd>{formatInstant(draft.consent.consentedAt)}</dd>
          </>
        )}
        <dt>{t("copy.dueBy")}</dt>
        <dd>{formatDate(draft.dueBy)}</dd>
      </dl>
      <section className="card" data-testid="copy-fields">
        <h2 className="card__title">{t("copy.fields")}</h2>
        <table className="copy-table">
          <tbody>
            {draft.fields.map((f) => (
              <tr key={f.key} data-testid="copy-field" data-key={f.key}>
                <th scope="row">{labelOf(f)}</th>
                <td>{fieldDisplayValue(t, f, wardName, i18n.language) ?? t("copy.empty")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {draft.attachments.length > 0 && (
        <section className="card" data-testid="copy-papers">
          <h2 className="card__title">{t("copy.papers")}</h2>
          <ul className="plain-list">
            {draft.attachments.map((a) => (
              <li key={a.key}>
                {localised(a.label, i18n.language)}: {a.file ? a.file.fileName : t("copy.paperMissing")}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="heading">{t("copy.howToFile")}</h2>
      <GuideSection title={t("guidance.papers")} lines={guidance.papers} testId="copy-guidance-papers" />
      <GuideSection title={t("guidance.where")} lines={guidance.where} testId="copy-guidance-where" />
      <GuideSection title={t("guidance.fee")} lines={[guidance.fee]} testId="copy-guidance-fee" />
      {guidance.deadline && <GuideSection title={t("guidance.deadline")} lines={[guidance.deadline]} testId="copy-guidance-deadline" />}
      <GuideSection title={t("guidance.duration")} lines={[guidance.duration]} testId="copy-guidance-duration" />
      <p>
        {t("copy.portal")} <span data-testid="copy-portal">{guidance.portalUrl}</span>
      </p>
      <p className="muted">{t("copy.generatedAt", { at: formatInstant(props.copy.generatedAt) })}</p>
    </article>
  );
}

/**
 * `/draft/:id/copy`: the copy of a confirmed dossier the citizen files themselves (level 2), from
 * `GET /api/me/drafts/{id}/copy` (the draft's parties only). It prints as it reads (the browser's
 * or Zalo's print or save-as-PDF), so it can be kept or shown at the counter.
 */
export function DossierCopyPage() {
  const { t } = useTranslation(APP_NAMESPACES);
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { api } = useAppServices();
  const { profile } = useProfile();
  const { state, reload } = useResource(`copy:${id}`, () => api.dossierCopy(id));
  const back = () => navigate(`/draft/${encodeURIComponent(id)}`, { replace: true });
  return (
    <Page className="page" data-testid="dossier-copy-page">
      <PageHeader title={t("copy.pageTitle")} onBack={back} />
      <main className="page-body">
        {!profile.phoneLinked ? (
          <PhoneLinkStep />
        ) : (
          <>
            {state.status === "loading" && <LoadingState text={t("copy.loading")} />}
            {state.status === "error" && (
              <>
                <ErrorState error={state.error} message={state.error.status === 409 ? t("copy.notConfirmed") : state.error.status === 404 ? t("draft.notFound") : undefined} onRetry={state.error.status >= 500 || state.error.status === 0 ? () => void reload() : undefined} hotline />
                <Link className="button-link" to={`/draft/${encodeURIComponent(id)}`}>
                  {t("copy.backToDraft")}
                </Link>
              </>
            )}
            {state.status === "ready" && (
              <>
                <CopyBody copy={state.data} />
                <button type="button" className="button-link no-print" onClick={() => window.print()} data-testid="copy-print">
                  {t("copy.print")}
                </button>
              </>
            )}
          </>
        )}
      </main>
    </Page>
  );
}
