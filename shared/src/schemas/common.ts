import { z } from "zod";

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is rejected). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD", abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a real calendar date");

/** An instant in ISO 8601 with an explicit offset (`+07:00` or `Z`), as the contracts require. */
export const isoInstant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant with an offset, e.g. 2026-11-20T10:05:00+07:00" });

/** Text trimmed and stored as Unicode NFC (contracts: "text Unicode NFC"). */
export const nfcText = (max = 200) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, "must not be empty").max(max, `must be at most ${max} characters`));
