import type { Channel } from "@hccd/shared";

/** What the importer, the planner and the sweep need of the service catalogue. */
export interface ReminderCatalogue {
  has(serviceKey: string): boolean;
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
