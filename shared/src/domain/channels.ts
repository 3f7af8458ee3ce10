/**
 * The channels a message to a citizen can go by: the one list every package derives from (the
 * catalogue's and the settings' zod enums, the channel policy, the console's and the Mini App's
 * lists, the delivery indicators). Adding a channel starts here: an entry below, its texts
 * (`channelNames`, the indicators' labels), and its module in bot-server's channel registry.
 *
 * `reaches` is what the channel needs of a person (the policy, `channelsFor`): `oa_window` an OA
 * follower who wrote within Zalo's 7-day window, `phone` a phone number. The order is the policy's
 * preference: the first reachable channel is tried first, the later ones are its fallbacks.
 */
export const CHANNEL_SPECS = {
  oa: { reaches: "oa_window" },
  zns: { reaches: "phone" },
  sms: { reaches: "phone" },
} as const satisfies Record<string, { reaches: "oa_window" | "phone" }>;

export type Channel = keyof typeof CHANNEL_SPECS;

/** `["oa", "zns", "sms"]`, in the policy's order. */
export const CHANNELS = Object.keys(CHANNEL_SPECS) as [Channel, ...Channel[]];

/** What the outbox carries: the citizen's channels, and the provincial case system (consented dossiers). */
export const OUTBOX_CHANNELS = [...CHANNELS, "case_system"] as [Channel | "case_system", ...(Channel | "case_system")[]];
export type OutboxChannel = Channel | "case_system";

/** True for a channel that carries messages to citizens (not the case system, not a name we do not know). */
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(CHANNEL_SPECS, name);
}
