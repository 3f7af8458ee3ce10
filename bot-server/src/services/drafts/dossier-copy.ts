import type { DossierCopy } from "@hccd/shared";
import type { ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { conflict } from "../../errors.js";
import { guidanceOfService } from "../reference/procedure-guidance.js";
import { buildDraftView, loadDraftForCitizen } from "./citizen-drafts.js";

/** How much of the confirmed content hash the reference carries: enough to find and check the consent, short enough to read out. */
const REFERENCE_HASH_DIGITS = 12;

/**
 * The copy of a dossier the citizen files themselves (level 2, shared/domain/filing.ts), once they
 * confirmed it: the dossier exactly as confirmed, the procedure's guidance, and a reference tying
 * the copy to the recorded consent. Only the draft's parties get it (404 to anyone else, as the
 * draft itself). A dossier we submit has no copy (409: its status is followed in the app), nor one
 * not confirmed yet, or changed since (409: the copy is of what was confirmed).
 */
export async function dossierCopyFor(deps: Pick<ServiceDeps, "db" | "now">, user: ZaloUser, draftId: string): Promise<DossierCopy> {
  const { draft } = await loadDraftForCitizen(deps.db, draftId, user);
  const view = await buildDraftView(deps.db, draft, user);
  if (view.filing !== "citizen") throw conflict("filed_for_you", "this dossier is sent to the case system for you: follow its status in the app");
  if (draft.status !== "consented" || !view.consent || view.consent.contentHash !== view.contentHash) {
    throw conflict("not_confirmed", "confirm the dossier first: the copy is of the dossier as you confirmed it");
  }
  return {
    reference: `${draft.id}-${view.consent.contentHash.slice(0, REFERENCE_HASH_DIGITS)}`.toUpperCase(),
    draft: view,
    guidance: guidanceOfService(draft.service),
    generatedAt: deps.now().toISOString(),
  };
}
