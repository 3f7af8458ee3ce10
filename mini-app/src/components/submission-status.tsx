import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import type { DraftView } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";

/** Where the dossier is now, its receipt number, and a way to ask again. */
export function SubmissionStatus(props: { view: DraftView; polling: boolean; refreshing: boolean; onRefresh: () => void }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const s = props.view.submission;
  const status = s?.status ?? "preparing";
  return (
    <section className="card" aria-labelledby="status-title" data-testid="submission-status" data-status={status}>
      <h2 id="status-title" className="card__title">
        {t("status.heading")}
      </h2>
      <p className={`status-pill status-pill--${status}`} data-testid="submission-status-text" aria-live="polite">
        {s ? t(`common:submissionStatus.${s.status}`) : t("status.preparing")}
      </p>
      {s?.receiptNo && (
        <p className="big-text" data-testid="receipt-no">
          {t("status.receiptNo", { no: s.receiptNo })}
        </p>
      )}
      {s?.resultRef && <p data-testid="result-ref">{t("status.resultRef", { ref: s.resultRef })}</p>}
      {props.polling && <p className="muted">{t("status.autoRefresh")}</p>}
      <Button variant="secondary" fullWidth size="large" loading={props.refreshing} disabled={props.refreshing} onClick={props.onRefresh} data-testid="refresh-button">
        {props.refreshing ? t("status.refreshing") : t("status.refresh")}
      </Button>
    </section>
  );
}
