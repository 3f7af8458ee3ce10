import type { TokenSource } from "./api";
import { ApiError } from "./api-error";
import type { DevIdentity } from "./dev-identity";
import type { ZaloBridge } from "./zalo";

/** Whose token the app is using: Zalo's, or the simulator's dev identity. */
export type IdentityMode = "zalo" | "dev";

export interface Session extends TokenSource {
  /** Known once a token has been obtained. */
  mode(): IdentityMode | null;
}

/**
 * The citizen's token: Zalo's access token when Zalo gives one; otherwise, on a dev host only, the
 * dev identity. Outside Zalo on any other host there is no token: `zalo_unavailable`.
 */
export function createSession(deps: { zalo: ZaloBridge; devIdentity: DevIdentity | null }): Session {
  let mode: IdentityMode | null = null;
  let cached: Promise<string> | null = null;

  async function obtain(): Promise<string> {
    const r = await deps.zalo.accessToken();
    if (r.ok) {
      mode = "zalo";
      return r.value;
    }
    if (r.reason === "unavailable" && deps.devIdentity) {
      mode = "dev";
      return deps.devIdentity.token();
    }
    throw new ApiError(0, r.reason === "unavailable" ? "zalo_unavailable" : "zalo_failed", `no Zalo access token (${r.reason}, code ${r.code ?? "none"})`);
  }

  function remember(p: Promise<string>): Promise<string> {
    cached = p;
    // A failed attempt is not cached: the next call tries again.
    p.catch(() => {
      if (cached === p) cached = null;
    });
    return p;
  }

  return {
    mode: () => mode,
    token: () => cached ?? remember(obtain()),
    refresh: () => remember(mode === "dev" && deps.devIdentity ? deps.devIdentity.renew() : obtain()),
  };
}
