/**
 * The ward officers' worklist for civil status (birth and death registration): which prepared
 * drafts need a person to contact the family, from when, and until when. Pure: `today` (a Vietnam
 * date) is a parameter. The worklist is computed from these rules when it is read, so every
 * instance sees the same list and nothing is kept in a process's memory.
 */
import { addDays } from "./vietnam-time.js";
import { BIRTH_REGISTRATION_DEADLINE_DAYS } from "./birth-registration.js";
import { DEATH_REGISTRATION_DEADLINE_DAYS } from "./death-registration.js";

/** The civil-status services whose drafts a ward officer follows up. */
export const WORKLIST_SERVICES = ["birth-registration", "death-registration"] as const;
export type WorklistService = (typeof WORKLIST_SERVICES)[number];

export interface WorklistRule {
  /** Days from the event to the legal deadline (the draft's `dueBy`). */
  deadlineDays: number;
  /** Days after the event from which an open draft without consent is on the worklist. */
  noConsentAfterDays: number;
  source: string;
}

/**
 * When "no consent yet" becomes the ward's work: about half of the legal time, so that the family
 * first has the prepared draft for a while, and the officer still has enough of the deadline left
 * for a call, a home visit and a second attempt.
 * - Birth: 60 days (Luật Hộ tịch 60/2014/QH13 art. 15(1)); listed from day 30, leaving the officer
 *   30 days (four working weeks). The ward registers on the day the papers are complete (art.
 *   16(2)), so the whole remaining time is the officer's and the family's.
 * - Death: 15 days (art. 33(1)); listed from day 7, leaving 8 days (more than a working week).
 *   Not earlier: the first week is the funeral, and a call then about papers is unkind.
 */
export const WORKLIST_RULES: Record<WorklistService, WorklistRule> = {
  "birth-registration": { deadlineDays: BIRTH_REGISTRATION_DEADLINE_DAYS, noConsentAfterDays: 30, source: "Luật Hộ tịch 60/2014/QH13, điều 15 khoản 1" },
  "death-registration": { deadlineDays: DEATH_REGISTRATION_DEADLINE_DAYS, noConsentAfterDays: 7, source: "Luật Hộ tịch 60/2014/QH13, điều 33 khoản 1" },
};

export function isWorklistService(service: string): service is WorklistService {
  return (WORKLIST_SERVICES as readonly string[]).includes(service);
}

/** The first day an open draft with this deadline is on the worklist for want of consent. */
export function noConsentListedFrom(service: WorklistService, dueBy: string): string {
  const r = WORKLIST_RULES[service];
  return addDays(dueBy, r.noConsentAfterDays - r.deadlineDays);
}

/**
 * The latest deadline (`dueBy`) listed today for want of consent: a draft is listed when its
 * deadline is on or before this day (the same rule as {@link noConsentListedFrom}, for a query).
 */
export function noConsentListedThrough(service: WorklistService, today: string): string {
  const r = WORKLIST_RULES[service];
  return addDays(today, r.deadlineDays - r.noConsentAfterDays);
}

/** What became of the "your draft is ready" notice: none could be queued, it failed on every channel, or it went. */
export type WorklistNotice = "none" | "failed" | "sent";

/**
 * Why an open draft is on the worklist today, or null when it is not (yet):
 * - `unreachable`: no parent or informant could be told (no phone, no Zalo): listed at once;
 * - `notice_failed`: the notice failed on every channel: listed at once;
 * - `no_consent`: told, but no consent by {@link noConsentListedFrom}.
 */
export type WorklistReason = "unreachable" | "notice_failed" | "no_consent";

export function worklistReason(item: { service: WorklistService; dueBy: string; notice: WorklistNotice }, today: string): WorklistReason | null {
  if (item.notice === "none") return "unreachable";
  if (item.notice === "failed") return "notice_failed";
  return today >= noConsentListedFrom(item.service, item.dueBy) ? "no_consent" : null;
}

/** Days left to the deadline (0 on the day itself, negative once it passed). */
export function daysLeft(dueBy: string, today: string): number {
  return Math.round((Date.parse(`${dueBy}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** How an officer contacted the family. */
export const CONTACT_METHODS = ["phone_call", "home_visit", "at_ward_office", "message", "other"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/**
 * What came of it. `registered_directly` (the family registered at the ward's counter or on the
 * national portal) ends the follow-up; the others come back on the follow-up day the officer sets,
 * unless the family consents or the dossier is submitted first (then the item leaves on its own).
 */
export const CONTACT_OUTCOMES = ["reached", "no_answer", "wrong_contact", "registered_directly"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export function outcomeResolves(outcome: ContactOutcome): boolean {
  return outcome === "registered_directly";
}

/** The longest an officer may put an item off: past it, the item would be forgotten, not followed. */
export const MAX_FOLLOW_UP_DAYS = 30;

/**
 * The follow-up day the form proposes: in 3 days, but no later than the day before the deadline
 * while one remains (a family reached today still needs a day to file), and never before tomorrow.
 */
export function suggestedFollowUp(today: string, dueBy: string): string {
  const tomorrow = addDays(today, 1);
  const inThree = addDays(today, 3);
  const beforeDue = addDays(dueBy, -1);
  const pick = beforeDue < inThree ? beforeDue : inThree;
  return pick < tomorrow ? tomorrow : pick;
}
