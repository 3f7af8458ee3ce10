import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDraftReview } from "../hooks/use-draft-review";
import { useFieldEdits } from "../hooks/use-field-edits";
import { useWards } from "../hooks/use-wards";
import { useBringIntoView } from "../hooks/use-bring-into-view";
import { chosenWardName, groupFields, isKnownGroup } from "../format/draft-layout";
import { APP_NAMESPACES } from "../i18n/app-t";
import { ConsentSection } from "./consent-section";
import { DraftFieldGroup } from "./draft-field-group";
import { DraftFieldRow } from "./draft-field-row";
import { DraftTimeline } from "./draft-timeline";
import { ErrorState } from "./error-state";
import { LoadingState } from "./loading-state";
import { Notice } from "./notice";
import { SaveBar } from "./save-bar";
import { SubmissionStatus } from "./submission-status";
import { WhatHappens } from "./what-happens";
import { SelfFilingPanel } from "./self-filing-panel";
import { AttachmentsSection } from "./attachments-section";
import { RatingSection } from "./rating-section";
import { MoreInfoRequest } from "./more-info-request";
import { localised, lowerFirst } from "../i18n/localised";

/** The review page's content once the citizen may see the draft. */
export function DraftReview(props: { id: string }) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const review = useDraftReview(props.id);
  const wards = useWards();
  const edits = useFieldEdits(review.view?.fields ?? []);
  const noticeRef = useBringIntoView(review);
  // "Saved" is confirmed beside the button, not in a snackbar that would cover the save bar.
  const [justSaved, setJustSaved] = useState(false);

  if (review.state.status === "loading") return <LoadingState text={t("draft.loading")} />;
  if (review.state.status === "error") {
    const notFound = review.state.error.status === 404;
    return (
      <>
        <ErrorState error={review.state.error} message={notFound ? t("draft.notFound") : undefined} onRetry={notFound ? undefined : () => void review.reload()} hotline />
        <Link className="button-link" to="/">
          {t("draft.backToList")}
        </Link>
      </>
    );
  }

  const view = review.state.data;
  const isOpen = view.status === "open";
  const open = new Set(view.openFields);
  const busy = review.busy !== null;
  const wardName = chosenWardName(view, edits.valueOf, wards.wardName);
  const hasEditable = view.fields.some((f) => f.editable);
  const missingPapers = view.attachments.filter((a) => a.required && !a.file).length;
  const serviceName = localised(view.serviceName, i18n.language);
  const agency = localised(view.agency, i18n.language);
  const ward = wardName ?? t("whatHappens.wardNotChosen");
  const title =
    view.kind === "death-registration"
      ? view.title ? t("death.titleNamed", { name: view.title }) : t("death.title")
      : view.kind === "renewal"
        ? t("renewal.title", { service: i18n.language.startsWith("en") ? serviceName : lowerFirst(serviceName) })
        : view.title ? t("draft.titleNamed", { name: view.title }) : t("draft.title");
  const selfFiling = view.kind === "renewal" && view.filing === "citizen";
  const statement =
    view.kind === "death-registration"
      ? t("consentDeath.checkbox", { ward })
      : selfFiling
        ? t("consentSelfFiling.checkbox", { service: lowerFirst(serviceName), agency })
        : view.kind === "renewal"
        ? t("consentRenewal.checkbox", { service: lowerFirst(serviceName), agency })
        : t("consent.checkbox", { ward });
  // A prepared dossier with nothing from a department's list (a child's ID card, from population data) says where its details come from.
  const renewalFrom = view.fields.some((f) => f.source === "department_list") ? "" : "Population";
  const intro = view.kind === "death-registration" ? t("death.intro") : view.kind === "renewal" ? t(`renewal.intro${renewalFrom}`) : t("draft.intro");
  const readOnlyNote = view.kind === "death-registration" ? t("death.readOnlyNote") : view.kind === "renewal" ? t(`renewal.readOnlyNote${renewalFrom}`) : t("draft.readOnlyNote");

  const onSave = async (changes = edits.changes) => {
    if (await review.save(changes)) {
      edits.clear();
      setJustSaved(true);
    }
  };

  const statusBlock = !isOpen && (selfFiling
    ? <SelfFilingPanel view={view} />
    : <SubmissionStatus view={view} polling={review.polling} refreshing={review.refreshing} onRefresh={() => void review.refresh()} />);

  return (
    <div className="draft-review" data-testid="draft-review" data-draft-status={view.status} data-version={view.version}>
      <h1 className="heading" data-testid="draft-title">
        {title}
      </h1>
      {view.kind === "death-registration" && isOpen && <p data-testid="death-condolence">{t("death.condolence")}</p>}
      <div ref={noticeRef} className="scroll-anchor">
        {review.notice && (
          <Notice tone={review.notice.tone} testId="draft-notice">
            {review.notice.text}
          </Notice>
        )}
      </div>
      {view.moreInfo && <MoreInfoRequest moreInfo={view.moreInfo} receiptNo={view.submission?.receiptNo ?? null} />}
      {statusBlock}
      {!isOpen && <DraftTimeline entries={view.timeline} selfFiling={view.filing === "citizen"} />}

      {isOpen && (
        <>
          <p>{intro}</p>
          {hasEditable && <p className="muted">{t("draft.editableNote")}</p>}
          {open.size > 0 && (
            <Notice tone="warning" testId="open-fields-notice">
              {t("draft.openFields", { count: open.size })}
            </Notice>
          )}
        </>
      )}

      {groupFields(view.fields).map(([group, fields]) => (
        <DraftFieldGroup key={group} group={group} title={group === "registration" && view.kind !== "birth-registration" ? t("groups.registrationPlace") : isKnownGroup(group) ? t(`groups.${group}`) : t("groups.other")}>
          {fields.map((f) => (
            <DraftFieldRow
              key={`${f.key}@${view.version}`}
              field={f}
              open={open.has(f.key)}
              editing={isOpen && f.editable}
              value={edits.valueOf(f)}
              pending={f.key in edits.changes}
              onChange={(v) => {
                edits.set(f.key, v);
                review.clearFieldError(f.key);
                setJustSaved(false);
              }}
              error={review.fieldErrors[f.key]}
              wards={wards}
              disabled={busy}
              // One tap saves a proposed value, with whatever else is waiting to be saved.
              onPick={(v) => void onSave({ ...edits.changes, [f.key]: v })}
            />
          ))}
        </DraftFieldGroup>
      ))}
      <p className="muted">{readOnlyNote}</p>
      {view.kind === "renewal" && <p className="muted">{t("renewal.missingFromRegister")}</p>}
      <AttachmentsSection view={view} editable={isOpen} onUploaded={review.replace} />
      {view.submission?.status === "completed" && (
        <Notice tone="success" testId="result-info">
          {t("result.ready", { ref: view.submission.resultRef ?? view.submission.receiptNo ?? "" })}
        </Notice>
      )}
      {view.submission?.status === "rejected" && (
        <Notice tone="warning" testId="result-info">
          {t("result.rejected")}
        </Notice>
      )}
      {view.submission?.mayRate && <RatingSection submissionId={view.submission.submissionId} />}

      {isOpen && hasEditable && <SaveBar dirty={edits.dirty} saved={justSaved && !edits.dirty} saving={review.busy === "saving"} disabled={busy} onSave={() => void onSave()} />}
      {isOpen && <WhatHappens view={view} wardName={wardName} />}
      {isOpen && (
        <ConsentSection
          key={view.contentHash}
          statement={statement}
          openCount={open.size + missingPapers}
          {...(open.size === 0 && missingPapers > 0 ? { blockedText: t("attachments.blocked") } : {})}
          dirty={edits.dirty}
          sending={review.busy === "consenting"}
          {...(selfFiling ? { heading: t("consentSelfFiling.heading"), buttonText: t("consentSelfFiling.button") } : {})}
          disabled={busy}
          onConsent={() => void review.consent()}
        />
      )}
      {isOpen && view.kind === "death-registration" && <p className="muted">{t("death.never")}</p>}
      {isOpen && <DraftTimeline entries={view.timeline} />}
    </div>
  );
}
