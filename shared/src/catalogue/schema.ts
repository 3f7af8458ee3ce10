import { z } from "zod";
import { CHANNELS } from "../domain/channels.js";
import { approximateDays, parseDuration } from "./duration.js";
import { FIELD_KINDS } from "../domain/draft.js";

/**
 * The service catalogue's schema: one entry per proactive public service, merged from the
 * provincial plan (Kế hoạch 920, `services-plan-920.tsv`) and the June 2026 lead-time appendix
 * (`services-2026-06-leadtimes.tsv`). Data lives in `services/<agency>.ts`; this file only says
 * what a valid entry is, each refusal naming the field it is about.
 */

/** Proactivity levels of the plan: 1 notify, 2 prepare a draft the citizen confirms, 3–4 the state acts itself. */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export const TRIGGER_KINDS = ["document-expiry", "birth", "death", "age-milestone", "schedule", "event", "none"] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** Triggers whose level ≥ 2 service must say which draft it prepares. */
export const DRAFT_TRIGGERS: readonly TriggerKind[] = ["document-expiry", "birth", "death"];

export const DRAFT_FIELD_SOURCES = ["population-data", "business-registry", "department-list", "citizen", "hospital"] as const;

/** The placeholders a reminder template may use (i18next `{{name}}` syntax). */
export const TEMPLATE_PLACEHOLDERS = ["holderName", "documentName", "documentNo", "expiresOn", "fileBy"] as const;

/** ZNS and SMS budgets: a reminder that does not fit is cut by the carrier, so refuse it here. */
export const TEMPLATE_MAX_CHARS = 400;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Links and phone numbers are never written into a message: Zalo ZNS refuses templates with raw
 * URLs, and a number in a message is how phishing looks. Buttons carry them instead.
 */
const LINK = /https?:|www\./i;
const LONG_DIGITS = /\d{8,}/;
/** Vietnamese phone shapes with separators: 0912 345 678, +84 912.345.678, 028-3829-1234. */
const PHONE = /(?:\+\s?84|\b0)(?:[\s.-]?\d){8,10}\b/;
/** Hotlines: 1900 1234, 1800.599.920. */
const HOTLINE = /\b1[89]00(?:[\s.-]?\d){4,6}\b/;

/** What is wrong with a message template, or null: too long, a link, or a phone number. */
export function templateProblem(text: string): string | null {
  if (text.length > TEMPLATE_MAX_CHARS) return `is ${text.length} characters; at most ${TEMPLATE_MAX_CHARS}`;
  if (LINK.test(text)) return "contains a link (http or www.); use a button instead";
  if (LONG_DIGITS.test(text) || PHONE.test(text) || HOTLINE.test(text)) return "contains a phone-like number; use a button instead";
  return null;
}

/** Vietnamese text must be precomposed (NFC): decomposed diacritics render badly in Zalo and break search. */
const viText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize("NFC"), { message: "Vietnamese text must be Unicode NFC (precomposed diacritics)" });
const enText = z.string().min(1);
const localised = z.object({ vi: viText, en: enText });

const isoDuration = z.string().superRefine((s, ctx) => {
  try {
    parseDuration(s);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: `invalid ISO 8601 duration: ${(e as Error).message}` });
  }
});

const template = (lang: "vi" | "en") =>
  (lang === "vi" ? viText : enText).superRefine((s, ctx) => {
    const problem = templateProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: `template ${problem}` });
    const unknown = [...s.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)]
      .map((m) => m[1])
      .filter((p) => !(TEMPLATE_PLACEHOLDERS as readonly (string | undefined)[]).includes(p));
    if (unknown.length) ctx.addIssue({ code: "custom", message: `template uses unknown placeholder(s) ${unknown.join(", ")}; allowed: ${TEMPLATE_PLACEHOLDERS.join(", ")}` });
  });

export const noticeStepSchema = z.object({
  /** How long before the deadline the notice goes out (calendar-correct for months: P6M). */
  before: isoDuration,
  /** True when the sources give no lead time and we chose this one. */
  default: z.boolean(),
  /** Where the lead time comes from (a source row) or why we chose it. */
  source: z.string().min(1),
});
export type NoticeStep = z.infer<typeof noticeStepSchema>;

export const draftFieldSpecSchema = z.object({
  /** Dotted path in the draft, e.g. `holder.fullName`. */
  path: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9]*)*$/, "a dotted camelCase path, e.g. holder.fullName"),
  label: localised,
  source: z.enum(DRAFT_FIELD_SOURCES),
  /** How the Mini App edits and shows it; by default read from the path (see `fieldKindOfPath`). */
  kind: z.enum(FIELD_KINDS).optional(),
  /** For a `select`: the choices, each with its words. */
  options: z.array(z.object({ value: z.string().regex(/^[a-z0-9-]+$/, "option value is kebab-case"), label: localised })).min(2, "a select offers at least two options").optional(),
  /** A citizen field the dossier can go without (by default every citizen field is required). */
  optional: z.boolean().optional(),
}).refine((f) => (f.kind === "select") === (f.options !== undefined), { message: "options go with kind select, and a select needs options", path: ["options"] });
export type DraftFieldSpec = z.infer<typeof draftFieldSpecSchema>;

/** A paper the citizen adds to a draft because no register holds it (e.g. a health certificate). */
export const draftAttachmentSpecSchema = z.object({
  key: z.string().regex(KEBAB, "attachment key must be kebab-case"),
  label: localised,
  required: z.boolean(),
  /** Where the sources ask for it. */
  source: z.string().min(1),
});
export type DraftAttachmentSpec = z.infer<typeof draftAttachmentSpecSchema>;

/** What a prepared dossier asks for: a first issue, a renewal (extension) or a re-issue. */
export const PROCEDURE_ACTIONS = ["new", "renew", "reissue"] as const;
export type ProcedureAction = (typeof PROCEDURE_ACTIONS)[number];

const procedureCode = z.string().regex(/^\d\.\d{6}$/, "procedure code looks like 1.004614");

/**
 * The national procedure each action is filed under (data: `procedures.ts`). `unconfirmed` says why
 * no code is given: the sources name none, or several without saying which is for what.
 */
export const serviceProceduresSchema = z
  .object({
    /** What the service's prepared draft asks for. */
    draftAction: z.enum(PROCEDURE_ACTIONS),
    codes: z.array(z.object({ action: z.enum(PROCEDURE_ACTIONS), code: procedureCode, source: z.string().min(1) })),
    unconfirmed: z.string().min(1).optional(),
    /**
     * A level-2 service whose plan row has the system forward the confirmed dossier to the case system
     * (birth and death registration, plan rows 58–59): why, quoted.
     */
    forwardedAfterConsent: z.string().min(1).optional(),
  })
  .refine((p) => p.codes.some((c) => c.action === p.draftAction) !== Boolean(p.unconfirmed), {
    message: "give the code of the draft's action, or say why it is unconfirmed (not both)",
    path: ["unconfirmed"],
  });
export type ServiceProcedures = z.infer<typeof serviceProceduresSchema>;

/**
 * One line of procedure guidance, with the text it rests on; `source: null` marks what the
 * sources do not say, worded to defer to the receiving agency (never a guessed legal fact).
 */
export const guidanceLineSchema = z.object({ vi: viText, en: enText, source: z.string().min(1).nullable() });
export type GuidanceLine = z.infer<typeof guidanceLineSchema>;

/** Procedure guidance of a service (data: `guidance.ts`): papers, fee, where and how, how long. */
export const serviceGuidanceSchema = z.object({
  papers: z.array(guidanceLineSchema).min(1),
  fee: guidanceLineSchema,
  where: z.array(guidanceLineSchema).min(1),
  duration: guidanceLineSchema,
  /** When to file, where a source gives it. */
  deadline: guidanceLineSchema.optional(),
  /** How the result is returned, where a source gives it. */
  result: guidanceLineSchema.optional(),
});
export type ServiceGuidance = z.infer<typeof serviceGuidanceSchema>;

export const serviceEntrySchema = z
  .object({
    key: z.string().regex(KEBAB, "key must be kebab-case (a-z, 0-9, single hyphens)"),
    name: localised,
    /** What expires, lower-case, as it reads inside a sentence ("thẻ hướng dẫn viên du lịch"). */
    documentName: localised.optional(),
    /** National procedure codes (Cổng DVC quốc gia), e.g. "1.004614". */
    procedureCodes: z.array(z.string().regex(/^\d\.\d{6}$/, "procedure code looks like 1.004614")),
    leadAgency: localised,
    partners: z.array(viText),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** Which rows of the two source files this entry stands for (each row in exactly one entry). */
    sources: z.object({
      planRows: z.array(z.number().int().min(1)),
      leadTimeRows: z.array(z.string().regex(/^[IVX]+\.\d+$/, "lead-time row looks like II.1")),
      seeds: z.array(z.string().min(1)).optional(),
    }),
    trigger: z.object({ kind: z.enum(TRIGGER_KINDS) }),
    notices: z.object({
      /** Earliest first, strictly decreasing lead times. */
      steps: z.array(noticeStepSchema),
    }),
    /** How long before the deadline the application must be filed, where a source gives it. */
    fileBy: z.object({ before: isoDuration, source: z.string().min(1) }).optional(),
    channels: z.array(z.enum(CHANNELS)).min(1, "channels must list at least one channel"),
    templates: z.object({ reminder: z.object({ vi: template("vi"), en: template("en") }) }).optional(),
    /** Procedure codes per action (default: none known, so nothing of it is submitted by us). */
    procedures: serviceProceduresSchema.optional(),
    /** Procedure guidance shown in the Mini App and the chat (see `guidance.ts`). */
    guidance: serviceGuidanceSchema.optional(),
    /** The draft a level 2+ service prepares for the citizen to check and consent to. */
    draft: z
      .object({
        kind: z.string().regex(KEBAB, "draft kind must be kebab-case"),
        fields: z.array(draftFieldSpecSchema).min(1, "a draft has at least one field"),
        attachments: z.array(draftAttachmentSpecSchema).optional(),
      })
      .optional(),
  })
  .superRefine((e, ctx) => {
    const steps = e.notices.steps;
    for (let i = 1; i < steps.length; i++) {
      const prev = steps[i - 1]!;
      const cur = steps[i]!;
      let ordered: boolean;
      try {
        ordered = approximateDays(cur.before) < approximateDays(prev.before);
      } catch {
        continue; // the bad duration is reported on the step itself
      }
      if (!ordered) {
        ctx.addIssue({
          code: "custom",
          path: ["notices", "steps", i, "before"],
          message: `notice steps must be earliest first and strictly decreasing: ${cur.before} does not come after ${prev.before}`,
        });
      }
    }
    if (e.level >= 2 && DRAFT_TRIGGERS.includes(e.trigger.kind) && !e.draft) {
      ctx.addIssue({
        code: "custom",
        path: ["draft"],
        message: `draft is required for a level ${e.level} service triggered by ${e.trigger.kind}: say which draft it prepares`,
      });
    }
    const channelSet = new Set(e.channels);
    if (channelSet.size !== e.channels.length) {
      ctx.addIssue({ code: "custom", path: ["channels"], message: "channels must not repeat" });
    }
    if (e.sources.planRows.length + e.sources.leadTimeRows.length === 0) {
      ctx.addIssue({ code: "custom", path: ["sources"], message: "sources must name at least one plan row or lead-time row" });
    }
  });

export type ServiceEntry = z.infer<typeof serviceEntrySchema>;

/** The whole catalogue: entries with unique keys. */
export const catalogueSchema = z.array(serviceEntrySchema).superRefine((entries, ctx) => {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const first = seen.get(e.key);
    if (first !== undefined) {
      ctx.addIssue({ code: "custom", path: [i, "key"], message: `duplicate key "${e.key}" (also at index ${first})` });
    } else {
      seen.set(e.key, i);
    }
  });
});
export type Catalogue = z.infer<typeof catalogueSchema>;
