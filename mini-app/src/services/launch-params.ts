import type { ZaloBridge } from "./zalo";

/** What the app was opened with, taken once (a second `take` gets nothing, so "back" does not bounce). */
export interface LaunchParams {
  takeDraftId(): string | null;
  /** `?service=&document=`: a reminder's link to the renewal of one document. */
  takeDocumentId(): string | null;
}

const DRAFT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The draft to open straight away: `?draft=<id>` in the page's query (an OA message link), in the
 * hash's query (`#/?draft=<id>`, outside Zalo), or in Zalo's route params.
 */
export function readLaunchParams(deps: { location: Location; history: History; zalo: ZaloBridge; insideZalo: boolean }): LaunchParams {
  const hashQuery = deps.location.hash.includes("?") ? deps.location.hash.slice(deps.location.hash.indexOf("?")) : "";
  const sources = [new URLSearchParams(deps.location.search), new URLSearchParams(hashQuery)];
  const fromZalo = deps.insideZalo ? deps.zalo.launchParams() : {};
  const pick = (name: string) => [...sources.map((q) => q.get(name)), fromZalo[name] ?? null].find((c): c is string => typeof c === "string" && DRAFT_ID.test(c)) ?? null;
  /**
   * Outside Zalo the hash router leaves the page's own query alone, so a reload would open the
   * draft again after the citizen went back to the list: drop `draft` from it (keeping the
   * router's state and hash).
   */
  const forgetQuery = (names: string[]) => {
    try {
      const url = new URL(deps.location.href);
      if (!names.some((n) => url.searchParams.has(n))) return;
      for (const n of names) url.searchParams.delete(n);
      deps.history.replaceState(deps.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    } catch {
      // A refused history update only means a reload reopens the draft.
    }
  };
  let draftId = pick("draft");
  let documentId = pick("document");
  return {
    takeDraftId() {
      const id = draftId;
      draftId = null;
      if (id && !deps.insideZalo) forgetQuery(["draft"]);
      return id;
    },
    takeDocumentId() {
      const id = documentId;
      documentId = null;
      if (id && !deps.insideZalo) forgetQuery(["document", "service"]);
      return id;
    },
  };
}
