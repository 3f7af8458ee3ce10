import { z } from "zod";
import { isoDate, isoInstant, nfcText } from "./common.js";
import { facilitySchema, nationalIdDigits, personName, vnPhone } from "./birth-certificate.js";

/**
 * Contract 2: a death notice (giấy báo tử, TT 24/2020/TT-BYT) from a hospital or an authority,
 * `POST /api/integrations/death-notices`. Field names are fixed (contracts.md). The informant is
 * the relative who is told and who may register the death; nothing is ever filed without them.
 */
export const deathNoticeSchema = z
  .object({
    noticeNo: z.string().trim().min(3, "must have at least 3 characters").max(64, "must be at most 64 characters"),
    issuedAt: isoInstant,
    facility: facilitySchema,
    deceased: z.object({
      fullName: personName,
      sex: z.enum(["male", "female"], { message: "must be male or female" }),
      dateOfBirth: isoDate,
      nationalId: nationalIdDigits.optional(),
      diedAt: isoInstant,
      placeOfDeath: nfcText(300),
      cause: nfcText(300),
    }),
    informant: z.object({
      fullName: personName,
      relationship: nfcText(50),
      phone: vnPhone,
    }),
  })
  .superRefine((n, ctx) => {
    if (Date.parse(n.deceased.diedAt) > Date.parse(n.issuedAt)) ctx.addIssue({ code: "custom", path: ["deceased", "diedAt"], message: "must not be after issuedAt" });
    if (n.deceased.dateOfBirth > n.deceased.diedAt.slice(0, 10)) ctx.addIssue({ code: "custom", path: ["deceased", "dateOfBirth"], message: "must not be after diedAt" });
  });

export type DeathNoticeInput = z.input<typeof deathNoticeSchema>;
export type DeathNotice = z.output<typeof deathNoticeSchema>;

export const deathNoticeAcceptedSchema = z.object({ eventId: z.string(), draftId: z.string() });
export type DeathNoticeAccepted = z.infer<typeof deathNoticeAcceptedSchema>;
