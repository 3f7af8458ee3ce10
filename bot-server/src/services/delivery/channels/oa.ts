import type { OaButton } from "../../../adapters/zalo/types.js";
import { NotSendable } from "../../not-sendable.js";
import { renderOaMessage } from "../notifications.js";
import type { ChannelModule } from "./channel.js";
import { classifyZaloFailure } from "./zalo-failures.js";

/**
 * Zalo OA customer-service message: free text and up to 5 buttons, in the recipient's language,
 * to a follower within 7 days of their last interaction (outside it Zalo answers -230: permanent,
 * so the next channel carries it). Chat replies go only this way.
 */
export const oaChannel: ChannelModule<{ userId: string; text: string; buttons: OaButton[] }> = {
  name: "oa",
  render(payload) {
    if (!payload.recipient.oaUserId) throw new NotSendable("no OA user id");
    return { userId: payload.recipient.oaUserId, ...renderOaMessage(payload) };
  },
  async send(request, clients) {
    // An OA message has no idempotency key at Zalo: see the sent marks in the outbox worker.
    return { providerRef: (await clients.zalo.oa.sendText(request)).messageId };
  },
  classify: classifyZaloFailure,
  rate: (config) => ({ perSecond: config.THROTTLE_OA_PER_SEC, }),
};
