import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DraftView } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText } from "../i18n/error-text";
import { localised } from "../i18n/localised";
import { toApiError } from "../services/api-error";
import { useAppServices } from "../session/app-services-context";

/** The server takes at most 5 MB (bot-server draft-attachments.ts): said here before a slow upload. */
const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,application/pdf";

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Papers the draft asks for because no register holds them (e.g. a health certificate). */
export function AttachmentsSection(props: { view: DraftView; editable: boolean; onUploaded: (view: DraftView) => void }) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { api } = useAppServices();
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (props.view.attachments.length === 0) return null;

  const onFile = async (key: string, file: File | undefined) => {
    if (!file) return;
    setErrors((e) => ({ ...e, [key]: "" }));
    if (file.size > MAX_BYTES) return setErrors((e) => ({ ...e, [key]: t("attachments.tooLarge") }));
    if (file.type && !ACCEPT.split(",").includes(file.type)) return setErrors((e) => ({ ...e, [key]: t("attachments.badType") }));
    setBusyKey(key);
    try {
      props.onUploaded(await api.uploadAttachment(props.view.id, key, file));
    } catch (raw) {
      const err = toApiError(raw);
      setErrors((e) => ({ ...e, [key]: err.status === 413 ? t("attachments.tooLarge") : err.code === "validation_failed" ? t("attachments.badType") : errorText(t, err) }));
    } finally {
      setBusyKey(null);
    }
  };

  return (
    <section className="card" aria-labelledby="attachments-title" data-testid="attachments-section">
      <h2 id="attachments-title" className="card__title">
        {t("attachments.heading")}
      </h2>
      <p className="muted">{t("attachments.why")}</p>
      {props.view.attachments.map((a) => {
        const inputId = `attachment-${a.key}`;
        const error = errors[a.key];
        return (
          <div key={a.key} className="field" data-testid={`attachment-${a.key}`} data-has-file={a.file !== null}>
            <div className="field__head">
              <label className="field__label" htmlFor={inputId}>
                {localised(a.label, i18n.language)}
              </label>
              {a.required && !a.file && <span className="badge badge--needed">{t("attachments.required")}</span>}
            </div>
            <p className="field__value" data-testid={`attachment-status-${a.key}`}>
              {a.file ? t("attachments.added", { name: a.file.fileName, size: size(a.file.size) }) : t("attachments.missing")}
            </p>
            {props.editable && (
              <label className="button-link file-picker">
                {busyKey === a.key ? t("attachments.uploading") : a.file ? t("attachments.replace") : t("attachments.choose")}
                <input
                  id={inputId}
                  className="visually-hidden"
                  type="file"
                  accept={ACCEPT}
                  disabled={busyKey !== null}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) => void onFile(a.key, e.target.files?.[0])}
                  data-testid={`attachment-input-${a.key}`}
                />
              </label>
            )}
            {error && (
              <p id={`${inputId}-error`} className="field__error" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
