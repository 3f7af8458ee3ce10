import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "@hccd/shared/client";
import { formatInstant } from "../format/dates";
import { APP_NAMESPACES } from "../i18n/app-t";

/** The steps the dossier has been through, oldest first, as the server lists them. */
export function DraftTimeline(props: { entries: readonly TimelineEntry[]; /** A dossier the citizen files: its consent step says "confirmed", never "send". */ selfFiling?: boolean }) {
  const { t } = useTranslation(APP_NAMESPACES);
  return (
    <section className="card" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title" className="card__title">
        {t("timeline.heading")}
      </h2>
      {props.entries.length === 0 ? (
        <p className="muted">{t("timeline.empty")}</p>
      ) : (
        <ol className="timeline">
          {props.entries.map((e, i) => (
            <li key={`${e.at}-${e.kind}-${i}`} className="timeline__entry" data-testid="timeline-entry" data-kind={e.kind} data-status={e.status}>
              <time className="timeline__time" dateTime={e.at}>
                {formatInstant(e.at)}
              </time>
              <span className="timeline__what">{e.kind === "status" && e.status ? t(`common:submissionStatus.${e.status}`) : props.selfFiling && e.kind === "consented" ? t("timeline.kinds.consentedSelfFiling") : t(`timeline.kinds.${e.kind}`)}</span>
              {e.receiptNo && <span className="timeline__extra">{t("status.receiptNo", { no: e.receiptNo })}</span>}
              {e.note && <span className="timeline__extra">{e.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
