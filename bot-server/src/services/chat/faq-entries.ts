/**
 * FAQ upkeep by staff: edit, add and retire entries (vi and en), and turn the questions the bot
 * could not answer into entries. Every change is audited and the FAQ in use is rebuilt at once,
 * so the bot and `POST /api/faq/ask` answer with it from the next question on.
 */
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import {
  faqEntryCreateSchema,
  faqEntryUpdateSchema,
  foldVietnamese,
  zodIssuesToFields,
  type StaffFaqEntry,
} from "@hccd/shared";
import {
  getFaqEntry,
  getOpenUnansweredGroup,
  insertFaqEntry,
  isUniqueViolation,
  listFaqEntries,
  listOpenUnansweredGroups,
  resolveUnanswered,
  updateFaqEntry,
  type Db,
  type FaqEntryContent,
  type FaqEntryRow,
  type NewFaqEntryRow,
  type StaffUser,
  type UnansweredGroup,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { FaqService } from "../../faq/types.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { conflict, DomainError, notFound, validationFailed } from "../../errors.js";
import { audit } from "../staff/audit.js";
import { reloadFaq } from "./faq-service.js";
import { FAQ_ENTRIES } from "../../faq/index.js";

export type { FaqEntryRow, UnansweredGroup };

export type FaqUpkeepDeps = ServiceDeps & { faq: FaqService; catalogue: ReminderCatalogue };
export type FaqEntryCreateInput = z.output<typeof faqEntryCreateSchema>;
export type FaqEntryUpdateInput = z.output<typeof faqEntryUpdateSchema>;

/** Parses a staff form or body with one of the FAQ schemas; errors name the field. */
export function parseFaqInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationFailed(zodIssuesToFields(r.error.issues), "The entry is not valid");
  return r.data;
}

export function toStaffFaqEntry(row: FaqEntryRow): StaffFaqEntry {
  return {
    id: row.id,
    topic: row.topic,
    questionVi: row.questionVi,
    questionEn: row.questionEn,
    alternativesVi: row.alternatives.vi,
    alternativesEn: row.alternatives.en,
    answerVi: row.answerVi,
    answerEn: row.answerEn,
    sourceTitle: row.sourceTitle,
    sourceRef: row.sourceRef,
    service: row.service,
    origin: row.origin,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

/** Entries for the console: current ones, or with the retired ones too; `q` filters on the folded question, answer and id. */
export async function listStaffFaqEntries(deps: Pick<ServiceDeps, "db">, opts: { includeRetired?: boolean; q?: string } = {}): Promise<FaqEntryRow[]> {
  const rows = await listFaqEntries(deps.db, { includeRetired: opts.includeRetired ?? false });
  const q = opts.q ? foldVietnamese(opts.q) : "";
  if (!q) return rows;
  return rows.filter((r) => foldVietnamese(`${r.id} ${r.questionVi} ${r.questionEn} ${r.answerVi} ${r.alternatives.vi.join(" ")}`).includes(q));
}

export async function readStaffFaqEntry(deps: Pick<ServiceDeps, "db">, id: string): Promise<FaqEntryRow> {
  const row = await getFaqEntry(deps.db, id);
  if (!row) throw notFound("FAQ entry");
  return row;
}

/** The services an entry may name: the reminder catalogue's, and those the shipped content names. */
export function knownFaqServices(catalogue: ReminderCatalogue): string[] {
  return [...new Set([...catalogue.keys(), ...FAQ_ENTRIES.flatMap((e) => (e.service ? [e.service] : []))])].sort();
}

function content(deps: FaqUpkeepDeps, input: FaqEntryCreateInput | FaqEntryUpdateInput): FaqEntryContent {
  if (input.service && !knownFaqServices(deps.catalogue).includes(input.service)) {
    throw validationFailed([{ path: "service", message: `"${input.service}" is not a service of the catalogue` }], "The entry is not valid");
  }
  return {
    topic: input.topic,
    questionVi: input.questionVi,
    questionEn: input.questionEn,
    alternatives: { vi: input.alternativesVi, en: input.alternativesEn },
    answerVi: input.answerVi,
    answerEn: input.answerEn,
    sourceTitle: input.sourceTitle,
    sourceRef: input.sourceRef,
    service: input.service ?? null,
  };
}

/**
 * Stores a new entry under a kebab-case id from the Vietnamese question ("Lệ phí cấp lại CCCD?" →
 * `le-phi-cap-lai-cccd`), with `-2`, `-3`… when taken. An id taken between the look-up and the
 * insert (another officer adding the same question) is a unique violation: the next number is
 * tried, inside a savepoint so that the failed insert leaves the transaction usable.
 */
async function insertWithNewId(tx: Db, row: Omit<NewFaqEntryRow, "id">): Promise<FaqEntryRow> {
  const base =
    foldVietnamese(row.questionVi)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48)
      .replace(/-+$/, "") || "entry";
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (await getFaqEntry(tx, id)) continue;
    try {
      return await tx.transaction((savepoint) => insertFaqEntry(savepoint, { ...row, id }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
}

const versionConflict = (row: FaqEntryRow) =>
  conflict("faq_version_conflict", `the entry was changed by ${row.updatedBy ?? "someone else"} meanwhile (now version ${row.version}): reload it and apply your change again`);

/**
 * Adds an entry written by staff. With `fromQuestionKey` it answers an unanswered question: every
 * stored question with that key is marked resolved by the new entry, in the same transaction.
 */
export async function createStaffFaqEntry(deps: FaqUpkeepDeps, staff: StaffUser, input: FaqEntryCreateInput, requestId?: string): Promise<{ entry: FaqEntryRow; resolved: number }> {
  const now = deps.now();
  const fields = content(deps, input);
  const result = await deps.db.transaction(async (tx) => {
    const entry = await insertWithNewId(tx, { ...fields, origin: "staff", version: 1, updatedAt: now, updatedBy: staff.username, retiredAt: null });
    const resolved = input.fromQuestionKey ? await resolveUnanswered(tx, input.fromQuestionKey, entry.id, now) : 0;
    await audit(tx, { at: now, actor: { kind: "staff", id: staff.id }, action: "faq.entry.created", target: { kind: "faq_entry", id: entry.id }, ...(requestId ? { requestId } : {}), details: { resolvedQuestions: resolved } });
    return { entry, resolved };
  });
  await reloadFaq(deps.faq);
  return result;
}

/** Saves an edit made on `input.version`; a newer version in the table is a 409, never a silent overwrite. */
export async function updateStaffFaqEntry(deps: FaqUpkeepDeps, staff: StaffUser, id: string, input: FaqEntryUpdateInput, requestId?: string): Promise<FaqEntryRow> {
  const current = await readStaffFaqEntry(deps, id);
  const fields = content(deps, input);
  const now = deps.now();
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updateFaqEntry(tx, id, input.version, { ...fields, updatedAt: now, updatedBy: staff.username });
    if (row) await audit(tx, { at: now, actor: { kind: "staff", id: staff.id }, action: "faq.entry.updated", target: { kind: "faq_entry", id }, ...(requestId ? { requestId } : {}), details: { version: row.version, changed: changedFields(current, row) } });
    return row;
  });
  if (!updated) throw versionConflict(await readStaffFaqEntry(deps, id));
  await reloadFaq(deps.faq);
  return updated;
}

/** Retires an entry (kept for the log and audit, no longer answered) or brings it back. */
export async function setStaffFaqEntryRetired(deps: FaqUpkeepDeps, staff: StaffUser, id: string, input: { version: number; retired: boolean }, requestId?: string): Promise<FaqEntryRow> {
  await readStaffFaqEntry(deps, id);
  const now = deps.now();
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updateFaqEntry(tx, id, input.version, { retiredAt: input.retired ? now : null, updatedAt: now, updatedBy: staff.username });
    if (row) await audit(tx, { at: now, actor: { kind: "staff", id: staff.id }, action: input.retired ? "faq.entry.retired" : "faq.entry.restored", target: { kind: "faq_entry", id }, ...(requestId ? { requestId } : {}), details: { version: row.version } });
    return row;
  });
  if (!updated) throw versionConflict(await readStaffFaqEntry(deps, id));
  await reloadFaq(deps.faq);
  return updated;
}

/** The questions the bot could not answer and nobody has answered yet, most asked first. */
export async function listUnansweredForStaff(deps: Pick<ServiceDeps, "db">, limit = 50): Promise<UnansweredGroup[]> {
  return listOpenUnansweredGroups(deps.db, limit);
}

export async function readUnansweredGroup(deps: Pick<ServiceDeps, "db">, questionKey: string): Promise<UnansweredGroup> {
  const group = await getOpenUnansweredGroup(deps.db, questionKey);
  if (!group) throw new DomainError(404, "not_found", "no unanswered question with this key (it may have been answered meanwhile)");
  return group;
}

/**
 * Answers an unanswered question with an existing entry: its latest wording becomes another
 * phrasing of the entry (in the language it was asked in), and every question with its key is resolved.
 */
export async function attachUnansweredToEntry(deps: FaqUpkeepDeps, staff: StaffUser, input: { questionKey: string; entryId: string; version: number }, requestId?: string): Promise<{ entry: FaqEntryRow; resolved: number }> {
  const group = await readUnansweredGroup(deps, input.questionKey);
  const current = await readStaffFaqEntry(deps, input.entryId);
  if (current.retiredAt) throw conflict("faq_entry_retired", "the entry is retired: restore it first or choose another");
  const list = current.alternatives[group.language];
  const alternatives = list.includes(group.example) ? current.alternatives : { ...current.alternatives, [group.language]: [...list, group.example] };
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const entry = await updateFaqEntry(tx, current.id, input.version, { alternatives, updatedAt: now, updatedBy: staff.username });
    if (!entry) return undefined;
    const resolved = await resolveUnanswered(tx, input.questionKey, entry.id, now);
    await audit(tx, { at: now, actor: { kind: "staff", id: staff.id }, action: "faq.entry.phrasingAdded", target: { kind: "faq_entry", id: entry.id }, ...(requestId ? { requestId } : {}), details: { version: entry.version, resolvedQuestions: resolved } });
    return { entry, resolved };
  });
  if (!result) throw versionConflict(await readStaffFaqEntry(deps, current.id));
  await reloadFaq(deps.faq);
  return result;
}

function changedFields(before: FaqEntryRow, after: FaqEntryRow): string[] {
  const keys = ["topic", "questionVi", "questionEn", "answerVi", "answerEn", "sourceTitle", "sourceRef", "service"] as const;
  const changed: string[] = keys.filter((k) => before[k] !== after[k]);
  // By value, not by text: PostgreSQL's jsonb gives an object's keys back in its own order.
  if (!isDeepStrictEqual(before.alternatives, after.alternatives)) changed.push("alternatives");
  return changed;
}
