import type { ZaloBridge } from "./zalo";

/**
 * What the app was opened with: a draft, a reminder's document (`?service=&document=`), or a
 * service's procedure guide (`?guide=<service>`, the button of a reminder that has no draft).
 */
export interface LaunchTarget {
  draftId: string | null;
  documentId: string | null;
  /** The reminder's service, when it names one: where a document without a draft falls back to. */
  serviceKey?: string | null;
  guideKey?: string | null;
}

export interface LaunchParams {
  /** What the page's own URL asks to open: known before the first render, so home is not shown first. */
  readonly initial: LaunchTarget | null;
  /** Once the initial target is open: a reload must not open it again ("back" does not bounce). */
  forgetInitial(): void;
  /** Inside Zalo, when the URL named nothing: Zalo's route params (they need the SDK). Once. */
  takeFromZalo(): Promise<LaunchTarget | null>;
}

/** Where a launch target opens. */
export function launchPath(target: LaunchTarget): string | null {
  if (target.draftId) return `/draft/${encodeURIComponent(target.draftId)}`;
  if (target.documentId) return `/renew/${encodeURIComponent(target.documentId)}${target.serviceKey ? `?service=${encodeURIComponent(target.serviceKey)}` : ""}`;
  if (target.guideKey) return `/guide/${encodeURIComponent(target.guideKey)}`;
  return null;
}

const DRAFT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The draft to open straight away: `?draft=<id>` in the page's query (an OA message link), in the
 * hash's query (`#/?draft=<id>`, outside Zalo), or in Zalo's route params.
 */
export function readLaunchParams(deps: { location: Location; history: History; zalo: ZaloBridge; insideZalo: boolean }): LaunchParams {
  const hashQuery = deps.location.hash.includes("?") ? deps.location.hash.slice(deps.location.hash.indexOf("?")) : "";
  const sources = [new URLSearchParams(deps.location.search), new URLSearchParams(hashQuery)];
  const pick = (name: string, fromZalo: Record<string, string>) =>
    [...sources.map((q) => q.get(name)), fromZalo[name] ?? null].find((c): c is string => typeof c === "string" && DRAFT_ID.test(c)) ?? null;
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
  const fromUrl = { draftId: pick("draft", {}), documentId: pick("document", {}), serviceKey: pick("service", {}), guideKey: pick("guide", {}) };
  const initial = fromUrl.draftId || fromUrl.documentId || fromUrl.guideKey ? fromUrl : null;
  let zaloTaken = initial !== null;
  return {
    initial,
    forgetInitial() {
      if (!deps.insideZalo) forgetQuery(["draft", "document", "service", "guide"]);
    },
    async takeFromZalo() {
      if (zaloTaken || !deps.insideZalo) return null;
      zaloTaken = true;
      const params = await deps.zalo.launchParams();
      const target = { draftId: pick("draft", params), documentId: pick("document", params), serviceKey: pick("service", params), guideKey: pick("guide", params) };
      return target.draftId || target.documentId || target.guideKey ? target : null;
    },
  };
}
