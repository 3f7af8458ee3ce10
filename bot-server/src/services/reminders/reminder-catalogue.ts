import { catalogue, subtractDuration, type Channel } from "@hccd/shared";

/** What the importer, the planner and the sweep need of the service catalogue. */
export interface ReminderCatalogue {
  has(serviceKey: string): boolean;
  /** Every service key (staff scopes: a department officer sees their agency's). */
  keys(): string[];
  /** The notice steps before a deadline (ISO 8601 durations, e.g. P60D, P6M), earliest first. */
  steps(serviceKey: string): string[];
  /** The calendar date `step` before `dueOn` (months by calendar). */
  noticeDate(dueOn: string, step: string): string;
  /** The service's document name, for the message. */
  name(serviceKey: string): { vi: string; en: string };
  /** The last day to file for renewal (the service's file-by lead before the deadline, else the deadline). */
  fileBy(serviceKey: string, dueOn: string): string;
  /** The channels the service may use, in the order of preference (default: every channel). */
  channels?(serviceKey: string): Channel[];
  /** The lead agency's Vietnamese name (department officers import only their agency's services). */
  agency?(serviceKey: string): string;
}

/** The parts of a catalogue entry (shared/src/catalogue) the reminder engine reads. */
export interface CatalogueEntryLike {
  key: string;
  name: { vi: string; en: string };
  documentName?: { vi: string; en: string };
  leadAgency: { vi: string; en: string };
  notices: { steps: readonly { before: string }[] };
  fileBy?: { before: string };
  channels: readonly Channel[];
}

/** The reminder engine's view of catalogue entries: steps earliest first, dates by the calendar. */
export function reminderCatalogueFrom(entries: readonly CatalogueEntryLike[]): ReminderCatalogue {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const entry = (key: string): CatalogueEntryLike => {
    const e = byKey.get(key);
    if (!e) throw new Error(`service "${key}" is not in the catalogue`);
    return e;
  };
  return {
    has: (key) => byKey.has(key),
    keys: () => [...byKey.keys()],
    steps: (key) => entry(key).notices.steps.map((s) => s.before),
    noticeDate: (dueOn, step) => subtractDuration(dueOn, step),
    name: (key) => entry(key).documentName ?? entry(key).name,
    fileBy: (key, dueOn) => {
      const lead = entry(key).fileBy;
      return lead ? subtractDuration(dueOn, lead.before) : dueOn;
    },
    channels: (key) => [...entry(key).channels],
    agency: (key) => entry(key).leadAgency.vi,
  };
}

/** The province's catalogue (shared/src/catalogue) as the reminder engine reads it. */
export const defaultReminderCatalogue: ReminderCatalogue = reminderCatalogueFrom(catalogue);
