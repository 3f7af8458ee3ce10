/**
 * The ward officers' worklist (`/api/staff/worklist`, the console's worklist pages): births and
 * deaths whose family a person must contact, and the contacts officers record.
 */
import { z } from "zod";
import { isoDate } from "./common.js";
import { CONTACT_METHODS, CONTACT_OUTCOMES, MAX_FOLLOW_UP_DAYS, WORKLIST_SERVICES } from "../domain/ward-worklist.js";

export const WORKLIST_PAGE_SIZE = 50;
export const WORKLIST_NOTE_MAX = 1000;

export const worklistQuerySchema = z.object({
  /** The page, {@link WORKLIST_PAGE_SIZE} items each. */
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

/**
 * When the contact took place: an ISO 8601 instant with its offset, or the console form's local
 * `YYYY-MM-DDTHH:mm`, read as Vietnam time.
 */
const contactInstant = z
  .string()
  .trim()
  .max(40, "is too long")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, "must be a date and time, e.g. 2026-12-20T09:30 (Vietnam time) or 2026-12-20T09:30:00+07:00")
  .transform((s) => (/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s.length === 16 ? `${s}:00` : s}+07:00`))
  .refine((s) => !Number.isNaN(Date.parse(s)), "is not a real date and time");

const blankAsUndefined = (v: unknown) => (v === "" ? undefined : v);

/** `POST /api/staff/worklist/{draftId}/contacts` (and the console's form). */
export const worklistContactRequestSchema = z.object({
  contactedAt: z.preprocess(blankAsUndefined, contactInstant.optional()),
  method: z.enum(CONTACT_METHODS),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .transform((s) => s.normalize("NFC").trim())
      .pipe(z.string().max(WORKLIST_NOTE_MAX, `must be at most ${WORKLIST_NOTE_MAX} characters`))
      .optional(),
  ),
  /** The day the item comes back on the list; required unless the outcome ends the follow-up. At most {@link MAX_FOLLOW_UP_DAYS} days ahead. */
  followUpOn: z.preprocess(blankAsUndefined, isoDate.optional()),
  /** How many contacts the officer saw on the item: a contact someone else recorded since is not overwritten (409). */
  expectedContacts: z.coerce.number().int().min(0).max(100_000),
});
export type WorklistContactRequest = z.infer<typeof worklistContactRequestSchema>;

const lastContactSchema = z.object({ contactedAt: z.string(), method: z.enum(CONTACT_METHODS), outcome: z.enum(CONTACT_OUTCOMES), followUpOn: z.string().nullable() });

export const worklistItemSchema = z.object({
  draftId: z.string(),
  service: z.enum(WORKLIST_SERVICES),
  /** Why it is on the list; null when it is not (put off, ended, or not due yet): only in a single item's view. */
  reason: z.enum(["unreachable", "notice_failed", "no_consent"]).nullable(),
  /** The legal deadline (Luật Hộ tịch 2014 art. 15(1), art. 33(1)). */
  dueBy: z.string(),
  /** Days left (negative: past the deadline). */
  daysLeft: z.number().int(),
  /** The day of the birth or the death (Vietnam time). */
  eventDate: z.string(),
  ward: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The person to contact first (the mother, else the father; the informant), phone masked. */
  contact: z.object({ name: z.string(), maskedPhone: z.string().nullable() }),
  deceasedName: z.string().nullable(),
  contacts: z.number().int(),
  lastContact: lastContactSchema.nullable(),
});
export const worklistListSchema = z.object({ today: z.string(), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(worklistItemSchema) });

export const worklistItemDetailSchema = worklistItemSchema.extend({
  /** The draft is still open (no consent yet): a contact can be recorded. */
  open: z.boolean(),
  /** Whoever the draft is for: the full phone (to call) and address (to visit); the ID number masked. */
  people: z.array(z.object({ role: z.string(), fullName: z.string(), phone: z.string().nullable(), maskedNationalId: z.string().nullable(), residenceAddress: z.string().nullable() })),
  history: z.array(lastContactSchema.extend({ seq: z.number().int(), note: z.string().nullable(), staffName: z.string(), recordedAt: z.string() })),
  suggestedFollowUp: z.string(),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;
export type WorklistList = z.infer<typeof worklistListSchema>;
export type WorklistItemDetail = z.infer<typeof worklistItemDetailSchema>;
