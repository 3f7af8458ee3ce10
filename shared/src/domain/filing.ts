import type { ProcedureAction, ServiceEntry } from "../catalogue/schema.js";

/**
 * What happens to a prepared dossier once the citizen confirms it: the one place where a service's
 * proactivity level (plan 920 §II.4) becomes behaviour.
 * - Level 1 (Nhắc việc): no dossier at all, only a reminder and the procedure guidance.
 * - Level 2 (Gợi ý, hồ sơ sẵn): "Hệ thống chuẩn bị sẵn thông tin, biểu mẫu, hồ sơ dự thảo để người
 *   dân xác nhận" — the citizen confirms and files the prepared dossier themselves; we submit nothing.
 *   Exception: a level-2 plan row that itself has the system forward the confirmed dossier to the
 *   case system (birth and death registration, rows 58–59: `procedures.forwardedAfterConsent`).
 * - Level 3 (Chủ động nộp hồ sơ): "Hệ thống tự động tạo lập và nộp hồ sơ sau khi người dân đồng ý"
 *   — we submit it, under the procedure code of what is being done.
 * - Level 4: the whole procedure runs from linked data, without a dossier from the citizen.
 * A service that would be submitted but whose procedure code the sources do not settle is filed by
 * the citizen: a dossier under a wrong or guessed code goes to the wrong procedure.
 */
export type Filing =
  | { by: "system"; procedureCode: string; action: ProcedureAction }
  | { by: "citizen"; procedureCode: string | null; action: ProcedureAction; reason: "level" | "procedure_unconfirmed" }
  | { by: "none"; reason: "level" };

/** The national procedure code of `action` for a service, or null when the sources do not settle it. */
export function procedureCodeFor(entry: Pick<ServiceEntry, "procedures">, action: ProcedureAction): string | null {
  return entry.procedures?.codes.find((c) => c.action === action)?.code ?? null;
}

/** The code a service's prepared draft is filed under (its draft's action), or null. */
export function draftProcedureCode(entry: Pick<ServiceEntry, "procedures">): string | null {
  return entry.procedures ? procedureCodeFor(entry, entry.procedures.draftAction) : null;
}

/** Who files a service's prepared dossier after the citizen confirms it, and under which code. */
export function filingOf(entry: Pick<ServiceEntry, "level" | "procedures" | "draft">): Filing {
  if (entry.level === 1 || entry.level === 4 || !entry.draft) return { by: "none", reason: "level" };
  const action = entry.procedures?.draftAction ?? "new";
  const code = procedureCodeFor(entry, action);
  const weSubmit = entry.level === 3 || Boolean(entry.procedures?.forwardedAfterConsent);
  if (!weSubmit) return { by: "citizen", procedureCode: code, action, reason: "level" };
  if (!code) return { by: "citizen", procedureCode: null, action, reason: "procedure_unconfirmed" };
  return { by: "system", procedureCode: code, action };
}
