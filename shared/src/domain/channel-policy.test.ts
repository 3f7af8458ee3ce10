import { describe, expect, it } from "vitest";
import { channelsFor, nextSendableAt, restrictChannels, type Channel } from "./channel-policy.js";

const now = new Date("2026-11-24T03:00:00Z"); // 10:00 in Vietnam
const day = 86_400_000;

describe("channelsFor (design.md channel policy; zalo.md 7-day window)", () => {
  it.each([
    [{ zaloUserId: "u1", follower: true, lastInteractionAt: new Date(now.getTime() - 2 * day), phone: "84912345678" }, ["oa", "zns", "sms"]],
    [{ zaloUserId: "u1", follower: true, lastInteractionAt: new Date(now.getTime() - 7 * day), phone: "84912345678" }, ["zns", "sms"]], // window closed
    [{ zaloUserId: "u1", follower: false, lastInteractionAt: new Date(now.getTime() - 1 * day), phone: "84912345678" }, ["zns", "sms"]], // not a follower
    [{ zaloUserId: null, follower: false, lastInteractionAt: null, phone: "84912345678" }, ["zns", "sms"]], // never talked to the OA
    [{ zaloUserId: "u1", follower: true, lastInteractionAt: new Date(now.getTime() - day), phone: null }, ["oa"]],
    [{ zaloUserId: null, follower: false, lastInteractionAt: null, phone: null }, []],
  ])("%j → %j", (r, expected) => {
    expect(channelsFor(r, now)).toEqual(expected);
  });
});

describe("restrictChannels (a service's allowed channels, policy order kept)", () => {
  it.each<[Channel[], Channel[] | undefined, Channel[]]>([
    [["oa", "zns", "sms"], undefined, ["oa", "zns", "sms"]],
    [["oa", "zns", "sms"], ["sms", "oa"], ["oa", "sms"]], // the policy's order, not the service's
    [["zns", "sms"], ["zns"], ["zns"]],
    [["zns", "sms"], ["oa"], []], // reachable, but not on a channel the service may use
    [["oa"], [], []],
  ])("%j ∩ %j → %j", (channels, allowed, expected) => {
    expect(restrictChannels(channels, allowed)).toEqual(expected);
  });
});

describe("nextSendableAt (quiet hours 21:00–07:00 Vietnam time)", () => {
  it.each([
    ["2026-11-24T03:00:00Z", "2026-11-24T03:00:00.000Z"], // 10:00 → now
    ["2026-11-24T13:59:00Z", "2026-11-24T13:59:00.000Z"], // 20:59 → now
    ["2026-11-24T14:00:00Z", "2026-11-25T00:00:00.000Z"], // 21:00 → 07:00 next day
    ["2026-11-24T18:30:00Z", "2026-11-25T00:00:00.000Z"], // 01:30 → 07:00 same Vietnam day
    ["2026-11-24T23:59:00Z", "2026-11-25T00:00:00.000Z"], // 06:59 → 07:00
    ["2026-11-25T00:00:00Z", "2026-11-25T00:00:00.000Z"], // 07:00 → now
  ])("%s → %s", (at, expected) => {
    expect(nextSendableAt(new Date(at)).toISOString()).toBe(expected);
  });
});

describe("nextSendableAt with QUIET_HOURS=0-0 (no quiet hours)", () => {
  it.each(["2026-11-24T14:00:00Z", "2026-11-24T18:30:00Z", "2026-11-24T23:59:00Z"])("%s is sendable at once", (at) => {
    expect(nextSendableAt(new Date(at), { startHour: 0, endHour: 0 }).toISOString()).toBe(new Date(at).toISOString());
  });
});
