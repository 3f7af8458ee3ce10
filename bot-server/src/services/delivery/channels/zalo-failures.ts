import { PlatformError } from "../../../adapters/errors.js";
import { NIGHT_BLOCK_CODES, QUOTA_CODES, TOKEN_CODES } from "../../../adapters/zalo/http-clients.js";
import { classifyFailure, type SendFailure } from "./channel.js";

/**
 * Zalo's codes (zalo.md), the same for OA and ZNS messages: -144/-147 the day's ZNS quota is
 * spent; -133/-234 the night block (the same message goes through in the morning); -216/-220/-124
 * our access token (refresh it, then retry). The rest as any provider's.
 */
export function classifyZaloFailure(err: unknown): SendFailure {
  if (err instanceof PlatformError) {
    if (QUOTA_CODES.has(err.code)) return { kind: "quota" };
    if (NIGHT_BLOCK_CODES.has(err.code)) return { kind: "transient", untilMorning: true };
    if (TOKEN_CODES.has(err.code)) return { kind: "transient", refreshToken: true };
  }
  return classifyFailure(err);
}
