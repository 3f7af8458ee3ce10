import { addDays, vietnamDate, type Channel } from "@hccd/shared";
import { exhaustChannelBudget, removeExpiredChannelBudget, takeChannelBudget, type Db } from "@hccd/db";
import type { ChannelRate } from "./channels/channel.js";

export interface DeliveryBudgetTime {
  /** Epoch milliseconds: every instance's windows must start at the same instants (default `Date.now`). */
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** The shortest window we count in: a second (a rate below 1/s counts 1 send per 1/rate seconds). */
const SECOND_MS = 1000;
/** Expired windows are removed by whoever opens every 60th window, so the table stays a few rows per channel. */
const CLEANUP_EVERY = 60;

/**
 * The channels' throttles and daily quotas, held in the database for every instance together
 * (`channel_budget`, see @hccd/db's access/channel-budget.ts), so two instances send no more than
 * one would: at most `perSecond` sends of a channel in any clock second, at most `daily.cap` ZNS
 * messages per Vietnam day (the quota comes back at midnight there), and once Zalo says the day's
 * quota is spent, no instance asks it again that day.
 *
 * Why a shared budget rather than each instance's share of the rate: a share needs every instance
 * to know how many are alive, and wastes the share of an idle one, while a busy one waits. Here
 * whoever has work takes the budget. Each instance claims a small block at a time (a tenth of a
 * second's rate, a thousandth of a day's quota, 1 to 100 units: a write per 10 messages was a
 * tenth of the delivery worker's CPU) and spends it locally, so a send costs a fraction
 * of a round trip; a block not spent when its window ends (or when its instance dies) is lost,
 * which errs on the side of sending less, never more. Instances' clocks must agree to well within
 * a second (NTP), as they must for leases.
 */
export function createDeliveryBudget(deps: { db: Db; now: () => Date }, rates: Readonly<Partial<Record<Channel, ChannelRate>>>, time: Partial<DeliveryBudgetTime> = {}) {
  const clock = time.clock ?? Date.now;
  const sleep = time.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  /** What this instance claimed and has not spent yet, per channel and kind of window. */
  const held = new Map<string, { window: string; left: number }>();
  /** One claim at a time per channel and kind: lanes waiting for the same budget are served in order. */
  const queues = new Map<string, Promise<unknown>>();

  function inTurn<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const turn = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
    queues.set(key, turn.catch(() => undefined));
    return turn;
  }

  /** One unit from the window `window`: this instance's block first, else a new block from the database. */
  async function takeUnit(key: string, channel: Channel, w: { window: string; cap: number; block: number; expiresAt: Date }): Promise<boolean> {
    const mine = held.get(key);
    if (mine?.window === w.window && mine.left > 0) {
      mine.left--;
      return true;
    }
    const granted = await takeChannelBudget(deps.db, { channel, window: w.window, cap: w.cap, n: w.block, expiresAt: w.expiresAt });
    held.set(key, { window: w.window, left: Math.max(0, granted - 1) });
    return granted > 0;
  }

  /** The Vietnam day of the last send and the instants it starts and ends: a send asks for its day, and dates are dear to compute. */
  let today: { day: string; from: number; until: number; expiresAt: Date } | null = null;
  function dayOf(at: Date) {
    const t = at.getTime();
    if (today && t >= today.from && t < today.until) return today;
    const day = vietnamDate(at);
    const start = (d: string) => Date.parse(`${d}T00:00:00+07:00`);
    // Kept a day past the end of its Vietnam day, for operators to see what was used.
    return (today = { day, from: start(day), until: start(addDays(day, 1)), expiresAt: new Date(start(addDays(day, 2))) });
  }

  function dayWindow(channel: Channel, perDay: number | null) {
    const { day, expiresAt } = dayOf(deps.now());
    // No cap of ours: the row still carries Zalo's "spent" to every instance.
    const cap = perDay ?? 2 ** 31 - 1;
    return { window: `d${day}`, cap, block: Math.max(1, Math.min(100, Math.floor(cap / 1000))), expiresAt, channel };
  }

  return {
    /**
     * Waits until the channel may send one more message this second (all instances together). No
     * rate (0): at once, without touching the database.
     */
    takeSend(channel: Channel): Promise<void> {
      const perSecond = rates[channel]?.perSecond ?? 0;
      if (perSecond <= 0) return Promise.resolve();
      const windowMs = perSecond >= 1 ? SECOND_MS : Math.ceil(SECOND_MS / perSecond);
      const cap = perSecond >= 1 ? Math.floor(perSecond) : 1;
      const block = Math.max(1, Math.ceil(cap / 10));
      const key = `s:${channel}`;
      return inTurn(key, async () => {
        for (;;) {
          const index = Math.floor(clock() / windowMs);
          const end = (index + 1) * windowMs;
          // Old windows are removed before taking, not after: nothing may stand between a unit
          // granted and its send, or the send could fall into the next second.
          if (held.get(key)?.window !== `s${index}` && index % CLEANUP_EVERY === 0) await removeExpiredChannelBudget(deps.db, deps.now());
          // Expiry is on the service clock (`deps.now`), as the day windows' is: one clock decides what is over.
          const granted = await takeUnit(key, channel, { window: `s${index}`, cap, block, expiresAt: new Date(deps.now().getTime() + windowMs + 60_000) });
          // A unit is spent in its own second or not at all: the claim may have come back after the
          // second ended (a slow round trip), and sending then would crowd the next second.
          if (granted && clock() < end) return;
          if (!granted) await sleep(Math.max(1, end - clock()));
        }
      });
    },

    /** One unit of today's quota of the channel: false when today's is spent (for every instance). */
    takeDay(channel: Channel): Promise<boolean> {
      const daily = rates[channel]?.daily;
      if (!daily) return Promise.resolve(true);
      const key = `d:${channel}`;
      return inTurn(key, () => takeUnit(key, channel, dayWindow(channel, daily.cap)));
    },

    /** The provider said today's quota is spent: no instance takes more of it today. */
    async spendDay(channel: Channel): Promise<void> {
      const w = dayWindow(channel, rates[channel]?.daily?.cap ?? null);
      held.delete(`d:${channel}`);
      await exhaustChannelBudget(deps.db, { channel, window: w.window, expiresAt: w.expiresAt });
    },
  };
}

export type DeliveryBudget = ReturnType<typeof createDeliveryBudget>;
