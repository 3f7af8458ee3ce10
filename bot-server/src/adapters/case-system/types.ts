import type { CaseDossier, CaseDossierAccepted } from "@hccd/shared";

/**
 * The provincial case system (Hệ thống thông tin giải quyết TTHC), contract 3.
 * `submitDossier` is idempotent on `idempotencyKey` (the submission id): sending the same dossier
 * twice returns the same case.
 */
export interface CaseSystemClient {
  submitDossier(dossier: CaseDossier, idempotencyKey: string): Promise<CaseDossierAccepted>;
  /**
   * Sends the citizen's new consented version to a case waiting on `need_more_info` (our extension
   * of contract 3, `caseSupplementPath`): the same case answers, idempotent on `idempotencyKey`
   * (the supplement's submission id).
   */
  submitSupplement(caseId: string, dossier: CaseDossier, idempotencyKey: string): Promise<CaseDossierAccepted>;
}
