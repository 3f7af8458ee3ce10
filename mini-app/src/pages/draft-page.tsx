import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { DraftReview } from "../components/draft-review";
import { PageHeader } from "../components/page-header";
import { PhoneLinkStep } from "../components/phone-link-step";
import { APP_NAMESPACES } from "../i18n/app-t";
import { useProfile } from "../session/profile-context";

/**
 * `/draft/:id`. The server shows a draft only to a parent named on the birth certificate, matched
 * by phone number, so a citizen without a linked phone is asked for it first (else: 404).
 */
export function DraftPage() {
  const { t } = useTranslation(APP_NAMESPACES);
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { profile } = useProfile();
  // Opened from the list: go back to it. Opened straight from a link: there is nothing to go back
  // to inside the app (react-router keeps its history index in `history.state.idx`), so show the list.
  const back = () => {
    const idx = (window.history.state as { idx?: unknown } | null)?.idx;
    if (typeof idx === "number" && idx > 0) navigate(-1);
    else navigate("/", { replace: true });
  };
  return (
    <Page className="page" data-testid="draft-page">
      <PageHeader title={t("draft.pageTitle")} onBack={back} />
      <main className="page-body">{profile.phoneLinked ? <DraftReview key={id} id={id} /> : <PhoneLinkStep />}</main>
    </Page>
  );
}
