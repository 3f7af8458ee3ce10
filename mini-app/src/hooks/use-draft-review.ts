import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DraftView, FieldError, SubmissionStatus } from "@hccd/shared/client";
import type { NoticeTone } from "../components/notice";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText, fieldErrorsByKey } from "../i18n/error-text";
import { toApiError } from "../services/api-error";
import { useAppServices } from "../session/app-services-context";
import type { FieldValue } from "./use-field-edits";
import { usePolling } from "./use-polling";
import { useResource } from "./use-resource";

/** How often the status is asked for while the page is open and the case is not finished. */
export const STATUS_POLL_MS = 10_000;

const FINAL_STATUSES: ReadonlySet<SubmissionStatus> = new Set(["completed", "rejected", "cancelled"]);

/** Consented or sent, and the case system has not given its last word yet. */
export function awaitingOutcome(view: DraftView): boolean {
  if (view.status === "open" || view.status === "closed") return false;
  // A dossier the citizen files themselves has no case to wait for.
  if (view.filing === "citizen") return false;
  return !view.submission || !FINAL_STATUSES.has(view.submission.status);
}

export interface DraftNotice {
  tone: NoticeTone;
  text: string;
}

/**
 * One draft under review: loading, saving edits against the version shown, consenting to the
 * content hash shown, and following the status. Conflicts reload the draft and say so.
 */
export function useDraftReview(id: string) {
  const { t } = useTranslation(APP_NAMESPACES);
  const { api } = useAppServices();
  const { state, reload, set } = useResource(`draft:${id}`, () => api.draft(id));
  const [busy, setBusy] = useState<"saving" | "consenting" | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, FieldError>>({});
  const [notice, setNotice] = useState<DraftNotice | null>(null);
  const view = state.status === "ready" ? state.data : null;

  /** After a conflict: show the server's current draft and tell the citizen why it changed. */
  const reloadWithNotice = useCallback(
    async (text: string) => {
      const err = await reload({ silent: true });
      setNotice({ tone: "warning", text: err ? `${text} ${errorText(t, err)}` : text });
    },
    [reload, t],
  );

  const save = useCallback(
    async (changes: Record<string, FieldValue>): Promise<boolean> => {
      if (!view || Object.keys(changes).length === 0) return false;
      setBusy("saving");
      setNotice(null);
      setFieldErrors({});
      try {
        set(await api.editDraft(id, { version: view.version, changes }));
        return true;
      } catch (raw) {
        const err = toApiError(raw);
        if (err.code === "validation_failed" && err.fields.length > 0) {
          setFieldErrors(fieldErrorsByKey(err.fields));
          setNotice({ tone: "warning", text: t("common:errors.validation_failed") });
        } else if (err.code === "stale_draft" || err.code === "already_submitted") {
          await reloadWithNotice(t(`common:errors.${err.code}`));
        } else {
          setNotice({ tone: "warning", text: errorText(t, err) });
        }
        return false;
      } finally {
        setBusy(null);
      }
    },
    [api, id, view, set, reloadWithNotice, t],
  );

  const consent = useCallback(async (): Promise<boolean> => {
    if (!view) return false;
    setBusy("consenting");
    setNotice(null);
    setFieldErrors({});
    try {
      const accepted = await api.consent(id, { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion });
      set(accepted.draft);
      setNotice({ tone: "success", text: accepted.draft.filing === "citizen" ? t("selfFiling.heading") : t("consent.success") })
      return true;
    } catch (raw) {
      const err = toApiError(raw);
      if (err.code === "stale_draft") await reloadWithNotice(t("consent.changed"));
      else if (err.code === "draft_incomplete" || err.code === "already_submitted") await reloadWithNotice(t(`common:errors.${err.code}`));
      else setNotice({ tone: "warning", text: errorText(t, err) });
      return false;
    } finally {
      setBusy(null);
    }
  }, [api, id, view, set, reloadWithNotice, t]);

  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    const err = await reload({ silent: true });
    setRefreshing(false);
    if (err) setNotice({ tone: "warning", text: errorText(t, err) });
  }, [reload, t]);

  // "Your consent was received" is out of date once the case comes back asking for more.
  const askedAt = view?.moreInfo?.requestedAt;
  useEffect(() => {
    if (askedAt) setNotice((n) => (n?.tone === "success" ? null : n));
  }, [askedAt]);

  const polling = view !== null && awaitingOutcome(view);
  usePolling(() => reload({ silent: true }), STATUS_POLL_MS, polling);

  const clearFieldError = useCallback((key: string) => {
    setFieldErrors((errs) => {
      if (!(key in errs)) return errs;
      const { [key]: _cleared, ...rest } = errs;
      return rest;
    });
  }, []);

  return { state, view, busy, fieldErrors, clearFieldError, notice, save, consent, refresh, refreshing, polling, reload, replace: set };
}
