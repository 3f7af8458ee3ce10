import { VIETNAM_OFFSET_MINUTES, vietnamDate } from "@hccd/shared";
import { vnDate } from "../services/delivery/notifications.js";

/** An instant as officers read it, in Vietnam time: `03/12/2026 14:05`. */
export function formatVietnamDateTime(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MINUTES * 60_000).toISOString();
  return `${vnDate(vietnamDate(at))} ${local.slice(11, 16)}`;
}

/** A duration in minutes or hours, for waiting times: `45 phút`, `3 giờ 20 phút` (Vietnamese) or `3 h 20 min`. */
export function formatDuration(ms: number, lang: "vi" | "en"): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === "vi") return h > 0 ? `${h} giờ${m ? ` ${m} phút` : ""}` : `${m} phút`;
  return h > 0 ? `${h} h${m ? ` ${m} min` : ""}` : `${m} min`;
}

/** A size limit as officers read it: `50 MB`, `256 KB`. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
