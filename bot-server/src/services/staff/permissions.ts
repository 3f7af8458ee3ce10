import type { StaffRole } from "@hccd/db";
import { STAFF_ROLES } from "./staff-auth.js";

/**
 * Who may use each work area of the staff API (`/api/staff/*`) and console (`/staff/*`). The one
 * place roles are granted; the role-matrix test (role-matrix.test.ts) holds its own copy of
 * the expected answers and checks every registered staff endpoint against every role.
 *
 * Scope within an area is narrower still: a department officer sees only their agency's services,
 * a ward officer only their ward's people (each area's queries apply it).
 */
export const STAFF_AREAS = {
  /** Their own session and profile. */
  session: STAFF_ROLES,
  /** Departments' lists (contract 4). */
  imports: ["admin", "department"],
  /** Proactive payment programmes: beneficiary lists, the treasury's payment list, its approval (services/payments). */
  payments: ["admin", "department"],
  /** Running the reminder sweep by hand. */
  sweep: ["admin"],
  /** Reminders that could not be delivered. */
  failedReminders: ["admin", "department"],
  /** Broadcast campaigns to target groups (plan 2049). */
  campaigns: ["admin", "communicator"],
  /** Conversations the bot handed to a person. */
  handover: ["admin", "ward_officer"],
  /** Births and deaths whose family a ward officer must contact. */
  worklist: ["admin", "ward_officer"],
  /** The FAQ the bot answers from, and the questions it could not answer. */
  faq: ["admin", "communicator"],
  /** The plans' evaluation indicators. */
  indicators: STAFF_ROLES,
  /**
   * Citizens' satisfaction comments: free text a citizen wrote, so only those who act on it (admins,
   * department officers for their services, ward officers for their ward), not viewers or communicators.
   */
  ratingComments: ["admin", "department", "ward_officer"],
  /** Searching the audit log. */
  audit: ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffArea = keyof typeof STAFF_AREAS;

export function mayUse(role: StaffRole, area: StaffArea): boolean {
  return (STAFF_AREAS[area] as readonly StaffRole[]).includes(role);
}
