import { isChannel, type Channel } from "@hccd/shared";
import type { ChannelModule } from "./channel.js";
import { oaChannel } from "./oa.js";
import { smsChannel } from "./sms.js";
import { znsChannel } from "./zns.js";

/**
 * Every delivery channel, by name: one module each. `Record<Channel, …>` makes a channel added to
 * @hccd/shared's `CHANNEL_SPECS` without its module here fail to compile.
 */
export const channelRegistry: Readonly<Record<Channel, ChannelModule>> = {
  oa: oaChannel as ChannelModule,
  zns: znsChannel as ChannelModule,
  sms: smsChannel as ChannelModule,
};

/** The module of an outbox row's channel; undefined for one that carries no notification (the case system) or a name we do not know. */
export function channelModule(name: string): ChannelModule | undefined {
  return isChannel(name) ? channelRegistry[name] : undefined;
}
