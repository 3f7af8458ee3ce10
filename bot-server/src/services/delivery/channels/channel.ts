import type { Channel } from "@hccd/shared";
import type { Config } from "../../../config.js";
import type { ZaloClients } from "../../../adapters/zalo/types.js";
import type { SmsClient } from "../../../adapters/sms/types.js";
import { PlatformError } from "../../../adapters/errors.js";
import { NotSendable } from "../../not-sendable.js";
import type { NotificationPayload } from "../notifications.js";

/** The adapters a channel sends through (real HTTP clients, pointed at simulators in sim mode). */
export interface ChannelClients {
  zalo: ZaloClients;
  sms: SmsClient;
}

/** What a failed send means for the message (the outbox worker acts on it, whatever the channel). */
export type SendFailure =
  /** This channel will never carry it (no address, refused, too long): the next allowed channel, else given up. */
  | { kind: "permanent" }
  /**
   * Worth trying again on this channel, after a backoff. `untilMorning`: the provider refuses at
   * night, so not before quiet hours end; `refreshToken`: the provider refused our access token.
   */
  | { kind: "transient"; untilMorning?: boolean; refreshToken?: boolean }
  /** The channel's quota for today is spent: the next allowed channel today, else this one tomorrow. */
  | { kind: "quota" };

/** A channel's limits, across every instance (the shared delivery budget enforces them). */
export interface ChannelRate {
  /** Sends per second, all instances together; 0: no limit of ours. */
  perSecond: number;
  /**
   * Present when the channel has a daily quota (ZNS): sends per Vietnam day, or null for no cap of
   * ours (the provider's quota still holds; once it says it is spent, no instance asks that day).
   */
  daily?: { cap: number | null };
}

/**
 * One delivery channel: how a message looks on it, how it is sent, what its failures mean and how
 * fast it may go. The outbox worker asks the registry (`registry.ts`) for the row's channel and
 * never switches on channel names, so a new channel is a module like this one, a line in the
 * registry, its entry in @hccd/shared's `CHANNEL_SPECS` and its texts.
 */
export interface ChannelModule<Request = unknown> {
  readonly name: Channel;
  /** The message as this channel carries it, with its address; throws NotSendable when it cannot. */
  render(payload: NotificationPayload, config: Config): Request;
  /**
   * Sends it. `outboxId` goes as the provider's idempotency reference where there is one (ZNS
   * tracking id, SMS client reference), so a resend after a crash is not a second message.
   * `quotaSpent`: the provider said this send used the day's last unit.
   */
  send(request: Request, clients: ChannelClients, outboxId: string): Promise<{ providerRef: string; quotaSpent?: boolean }>;
  classify(err: unknown): SendFailure;
  rate(config: Config): ChannelRate;
}

/**
 * What any provider's failure means, before a channel's own codes: a message we refused to send
 * (NotSendable) or one the provider said it will never accept is permanent; anything else (no
 * answer, 5xx, rate limited) is transient.
 */
export function classifyFailure(err: unknown): SendFailure {
  if (err instanceof NotSendable) return { kind: "permanent" };
  if (err instanceof PlatformError && !err.retryable) return { kind: "permanent" };
  return { kind: "transient" };
}
