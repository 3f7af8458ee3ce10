import { z } from "zod";

export const STAFF_ROLE_VALUES = ["admin", "department", "ward_officer", "communicator", "viewer"] as const;

/** `POST /api/staff/session`. */
export const staffLoginRequestSchema = z.object({
  username: z.string().trim().min(1, "must not be empty").max(64, "is too long"),
  password: z.string().min(1, "must not be empty").max(256, "is too long"),
});

export const staffProfileSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLE_VALUES),
  agency: z.string().nullable(),
  wardCode: z.string().nullable(),
});
export type StaffProfile = z.infer<typeof staffProfileSchema>;

export const staffSessionSchema = z.object({ token: z.string(), expiresAt: z.string(), staff: staffProfileSchema });

export const importRejectedRowSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string(), values: z.record(z.string(), z.string()) });

/** An import of a department's list as staff see it (`GET /api/staff/imports/{id}`). */
export const importSummarySchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  importedBy: z.string(),
  status: z.enum(["running", "finished", "failed"]),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Rows read so far: the progress while `running`. */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows rejected (one row may have several bad columns in `report`). */
  rejected: z.number().int(),
});
export const importDetailSchema = importSummarySchema.extend({ report: z.array(importRejectedRowSchema) });
export const importListSchema = z.object({ imports: z.array(importSummarySchema) });
export const importAcceptedSchema = z.object({ importId: z.string(), status: z.literal("running") });

/** What finally failed, for staff to follow up (`GET /api/staff/reminders/failed`). */
export const failedDeliveriesSchema = z.object({
  /** Messages given up after retries and every channel. */
  messages: z.array(z.object({ id: z.string(), kind: z.string(), channel: z.string(), lastError: z.string().nullable(), attempts: z.number().int(), updatedAt: z.string(), personId: z.string().nullable() })),
  /** Reminders nobody could be told about (no reachable channel) or that the person opted out of. */
  skippedReminders: z.array(z.object({ id: z.string(), serviceKey: z.string(), subject: z.string(), dueOn: z.string(), step: z.string(), reason: z.string().nullable(), documentId: z.string().nullable(), birthEventId: z.string().nullable() })),
});

export const sweepResultSchema = z.object({ queued: z.number().int(), skipped: z.number().int(), cancelled: z.number().int() });
export type FailedDeliveries = z.infer<typeof failedDeliveriesSchema>;
