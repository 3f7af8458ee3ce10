import { useTranslation } from "react-i18next";
import type { DraftView } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";
import { formatDate } from "../format/dates";
import { Notice } from "./notice";

/** The case system's request for more (`need_more_info`): the officer's words, the deadline, what to do. */
export function MoreInfoRequest(props: { moreInfo: NonNullable<DraftView["moreInfo"]>; receiptNo: string | null }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const { note, respondBy } = props.moreInfo;
  return (
    <Notice tone="warning" testId="more-info">
      <strong>{t("moreInfo.heading")}</strong>
      {note ? (
        <>
          <p>{t("moreInfo.officerSaid")}</p>
          <blockquote data-testid="more-info-note">{note}</blockquote>
        </>
      ) : (
        <p>{t("moreInfo.noNote")}</p>
      )}
      {respondBy && <p data-testid="more-info-respond-by">{t("moreInfo.respondBy", { date: formatDate(respondBy) })}</p>}
      <p>{t("moreInfo.howTo", { receiptNo: props.receiptNo ?? "" })}</p>
    </Notice>
  );
}
