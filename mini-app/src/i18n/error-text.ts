import type { DraftViewField, FieldError } from "@hccd/shared/client";
import type { ApiError } from "../services/api-error";
import type { AppT } from "./app-t";

const COMMON_ERROR_CODES = ["validation_failed", "not_found", "unauthorized", "stale_draft", "already_submitted", "draft_incomplete", "network", "server"] as const;
type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

function isCommonErrorCode(code: string): code is CommonErrorCode {
  return (COMMON_ERROR_CODES as readonly string[]).includes(code);
}

/** An API failure in plain words for the citizen (never the server's technical message). */
export function errorText(t: AppT, err: ApiError): string {
  if (isCommonErrorCode(err.code)) return t(`common:errors.${err.code}`);
  if (err.code === "zalo_unavailable") return t("session.zaloOnly");
  if (err.code === "zalo_failed") return t("session.zaloFailed");
  if (err.status >= 500) return t("common:errors.server");
  return t("errors.generic");
}

/** `changes.child.fullName` → `child.fullName`: the server reports edit errors against the request body. */
export function fieldErrorsByKey(errors: readonly FieldError[]): Record<string, FieldError> {
  const byKey: Record<string, FieldError> = {};
  for (const e of errors) {
    const key = e.path.startsWith("changes.") ? e.path.slice("changes.".length) : e.path;
    byKey[key] ??= e;
  }
  return byKey;
}

/**
 * A field's error in plain words. The server's messages are technical English; what the citizen
 * needs is what a good value looks like, which depends on the field's kind.
 */
export function fieldErrorText(t: AppT, field: DraftViewField | undefined, attempted: string | number | null | undefined): string {
  if (!field) return t("errors.generic");
  if (!field.editable) return t("fieldErrors.notEditable");
  if (attempted === null || attempted === undefined || attempted === "") return t("fieldErrors.required");
  return t(`fieldErrors.${field.kind}`);
}
