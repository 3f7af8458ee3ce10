/**
 * Payment lists of proactive payment programmes (shared/src/domain/payment-programmes.ts) as staff
 * use them: a draft built from imported beneficiary lists, read and exported for the treasury,
 * approved once by a second officer, then every beneficiary told (payment-notices.ts).
 */
import { i18nFor, paymentProgramme, PAYMENT_PROGRAMMES, stripVietnameseMarks, type Language, type PaymentProgramme } from "@hccd/shared";
import {
  beneficiariesOfList, findPaymentList, getImport, getPaymentList, getStaffUser, importsOfPaymentList, insertPaymentList, listPaymentLists, paymentListTotals, updatePaymentListIf,
  type PaymentBeneficiaryRow, type PaymentListRow, type StaffUser,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { conflict, DomainError, forbidden, notFound } from "../../errors.js";
import type { BackgroundJobs } from "../jobs/background-jobs.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { csvDocument } from "../spreadsheets/csv-file.js";
import { xlsxDocument } from "../spreadsheets/xlsx-file.js";
import { audit } from "../staff/audit.js";
import { notifyPaymentList } from "./payment-notices.js";

/** An admin, or a department officer of the agency that prepares the programme's list. */
export function mayImportFor(staff: StaffUser, programme: PaymentProgramme): boolean {
  return staff.role === "admin" || (staff.role === "department" && staff.agency === programme.agency);
}

/** The programmes a staff member works on. */
export function programmesFor(staff: StaffUser): PaymentProgramme[] {
  return PAYMENT_PROGRAMMES.filter((p) => mayImportFor(staff, p));
}

/**
 * The programme's draft list for the date, created when there is none (two instances creating it
 * at once: the loser finds the winner's). An approved list takes no more rows.
 */
export async function openDraftList(deps: Pick<ServiceDeps, "db" | "now" | "newId">, input: { programme: PaymentProgramme; paymentDate: string; staff: StaffUser }): Promise<PaymentListRow> {
  const list = await retryOnUniqueViolation(async () => {
    const found = await findPaymentList(deps.db, input.programme.key, input.paymentDate);
    if (found) return found;
    const now = deps.now();
    return insertPaymentList(deps.db, { id: deps.newId(), programmeKey: input.programme.key, paymentDate: input.paymentDate, status: "draft", createdBy: input.staff.id, createdAt: now, updatedAt: now });
  });
  if (list.status !== "draft") throw conflict("payment_list_approved", `the payment list of ${input.paymentDate} is already approved: it takes no more rows`);
  return list;
}

export interface ListTotals {
  people: number;
  amountVnd: number;
  pending: number;
  queued: number;
  unreachable: number;
  optedOut: number;
  reported: number;
}

async function totalsOf(deps: Pick<ServiceDeps, "db">, listId: string): Promise<ListTotals> {
  const totals: ListTotals = { people: 0, amountVnd: 0, pending: 0, queued: 0, unreachable: 0, optedOut: 0, reported: 0 };
  for (const r of await paymentListTotals(deps.db, listId)) {
    totals.people += r.people;
    totals.amountVnd += r.amountVnd;
    totals.reported += r.reported;
    totals[r.noticeStatus === "opted_out" ? "optedOut" : r.noticeStatus] += r.people;
  }
  return totals;
}

/** A list the staff member may see (a programme they work on), or 404. */
async function listFor(deps: Pick<ServiceDeps, "db">, staff: StaffUser, id: string): Promise<{ list: PaymentListRow; programme: PaymentProgramme }> {
  const list = await getPaymentList(deps.db, id);
  const programme = list ? paymentProgramme(list.programmeKey) : undefined;
  if (!list || !programme || !mayImportFor(staff, programme)) throw notFound("payment list");
  return { list, programme };
}

/** The lists of the staff member's programmes, newest payment date first, with their totals (counts only: not audited). */
export async function listStaffPaymentLists(deps: Pick<ServiceDeps, "db">, staff: StaffUser) {
  const lists = await listPaymentLists(deps.db, { programmeKeys: programmesFor(staff).map((p) => p.key), limit: 50 });
  return Promise.all(lists.map(async (list) => ({ list, programme: paymentProgramme(list.programmeKey)!, totals: await totalsOf(deps, list.id) })));
}

/** Beneficiaries per page of a list in the console. */
export const BENEFICIARY_PAGE_SIZE = 100;
/** At most this many of the people nobody could reach, or who reported a mistake, are shown at once. */
const ATTENTION_MAX = 200;

/**
 * One list with a page of its beneficiaries, the people the notices could not reach and those who
 * reported a mistake, its imports and who approved it. Names and ID numbers: the read is audited.
 */
export async function readPaymentList(deps: Pick<ServiceDeps, "db" | "now">, staff: StaffUser, id: string, opts: { page?: number; requestId?: string } = {}) {
  const { list, programme } = await listFor(deps, staff, id);
  const totals = await totalsOf(deps, id);
  const pages = Math.max(1, Math.ceil(totals.people / BENEFICIARY_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(opts.page ?? 1)), pages);
  await audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "payment_list.read", target: { kind: "payment_list", id }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { page } });
  const [beneficiaries, unreachable, reported, importIds, approver] = await Promise.all([
    beneficiariesOfList(deps.db, id, { limit: BENEFICIARY_PAGE_SIZE, offset: (page - 1) * BENEFICIARY_PAGE_SIZE }),
    beneficiariesOfList(deps.db, id, { limit: ATTENTION_MAX, noticeStatus: ["unreachable", "opted_out"] }),
    beneficiariesOfList(deps.db, id, { limit: ATTENTION_MAX, reported: true }),
    importsOfPaymentList(deps.db, id),
    list.approvedBy ? getStaffUser(deps.db, list.approvedBy) : Promise.resolve(undefined),
  ]);
  const imports = (await Promise.all(importIds.map((i) => getImport(deps.db, i)))).filter((i) => i !== undefined);
  return { list, programme, totals, beneficiaries, unreachable, reported, imports, approverName: approver?.displayName ?? null, page, pages };
}

/**
 * Why a staff member may not approve a list, or null: a department officer of the programme's
 * agency or an admin, who did not import any of its rows (a second pair of eyes on what the
 * treasury pays); a list with people and no import still running.
 */
async function approvalRefusal(deps: Pick<ServiceDeps, "db">, staff: StaffUser, list: PaymentListRow): Promise<{ reason: ApprovalBlock; error: DomainError } | null> {
  const imports = (await Promise.all((await importsOfPaymentList(deps.db, list.id)).map((i) => getImport(deps.db, i)))).filter((i) => i !== undefined);
  if (imports.some((i) => i.importedBy === staff.id)) return { reason: "own", error: forbidden("the list must be approved by another officer than the one who imported it") };
  if (imports.some((i) => i.status === "running")) return { reason: "running", error: conflict("import_running", "an import into this list is still running") };
  if ((await totalsOf(deps, list.id)).people === 0) return { reason: "empty", error: conflict("payment_list_empty", "the list has nobody on it") };
  return null;
}

/** Why a staff member may not approve a draft list now. */
export type ApprovalBlock = "own" | "running" | "empty";

/** Whether the staff member may approve the list now, or why not (the console shows the button, or the reason). */
export async function approvalState(deps: Pick<ServiceDeps, "db">, staff: StaffUser, list: PaymentListRow): Promise<{ may: true } | { may: false; reason: ApprovalBlock | "approved" }> {
  if (list.status !== "draft") return { may: false, reason: "approved" };
  const refusal = await approvalRefusal(deps, staff, list);
  return refusal ? { may: false, reason: refusal.reason } : { may: true };
}

/**
 * Approves a draft list, once: a conditional update from `draft`, so of two officers approving at
 * once (on any instances) one does it and the other is answered with the approval made. Audited
 * with the totals approved. The notices then go out in the background (payment-notices.ts).
 */
export async function approvePaymentList(deps: ServiceDeps & { jobs: BackgroundJobs }, staff: StaffUser, id: string, opts: { requestId?: string } = {}): Promise<{ list: PaymentListRow; approvedNow: boolean }> {
  const { list } = await listFor(deps, staff, id);
  if (list.status !== "draft") return { list, approvedNow: false };
  const refusal = await approvalRefusal(deps, staff, list);
  if (refusal) throw refusal.error;
  const now = deps.now();
  const approved = await deps.db.transaction(async (tx) => {
    const row = await updatePaymentListIf(tx, id, "draft", { status: "approved", approvedBy: staff.id, approvedAt: now, updatedAt: now });
    if (row) {
      const totals = await totalsOf({ db: tx }, id);
      await audit(tx, { at: now, actor: { kind: "staff", id: staff.id }, action: "payment_list.approved", target: { kind: "payment_list", id }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { people: totals.people, amountVnd: totals.amountVnd, paymentDate: row.paymentDate } });
    }
    return row;
  });
  if (!approved) return { list: (await getPaymentList(deps.db, id))!, approvedNow: false };
  deps.jobs.run(`payment notices ${id}`, () => notifyPaymentList(deps, id));
  return { list: approved, approvedNow: true };
}

/** Sends the notices of an approved list that are still pending (an instance stopped while sending them). */
export async function resumePaymentNotices(deps: ServiceDeps & { jobs: BackgroundJobs }, staff: StaffUser, id: string, opts: { requestId?: string } = {}): Promise<void> {
  const { list } = await listFor(deps, staff, id);
  if (list.status !== "approved") return;
  await audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "payment_list.notices_resumed", target: { kind: "payment_list", id }, ...(opts.requestId ? { requestId: opts.requestId } : {}) });
  deps.jobs.run(`payment notices ${id}`, () => notifyPaymentList(deps, id));
}

/**
 * The treasury's columns, in the order of a payment schedule (bảng kê chi trả): a running number,
 * who is paid and how to identify them (name, ID number, date of birth, category), where the money
 * goes (account number and bank, for "chi trả qua tài khoản"), how much, and where they live (for
 * those paid in cash at the ward). The last line totals the people and the amount, which the
 * clerk checks against the approval.
 */
const TREASURY_COLUMNS = ["no", "fullName", "nationalId", "dateOfBirth", "category", "accountNo", "bank", "amountVnd", "ward", "address"] as const;

function treasuryLine(b: PaymentBeneficiaryRow, n: number): (string | number)[] {
  return [n, b.fullName, b.nationalId, b.dateOfBirth ?? "", b.category, b.accountNo ?? "", b.bank ?? "", b.amountVnd, b.wardCode ?? "", b.address ?? ""];
}

/** Every beneficiary of a list, in the treasury file's order, read in pages. */
async function allBeneficiaries(deps: Pick<ServiceDeps, "db">, listId: string): Promise<PaymentBeneficiaryRow[]> {
  const all: PaymentBeneficiaryRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await beneficiariesOfList(deps.db, listId, { limit: 1000, offset });
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

/**
 * The payment list as the treasury clerk receives it (CSV or .xlsx): the header in the officer's
 * language, one line per beneficiary, a total line. A draft's file name says it is a draft. Audited.
 */
export async function treasuryFile(deps: Pick<ServiceDeps, "db" | "now">, staff: StaffUser, id: string, opts: { lang: Language; format: "csv" | "xlsx"; requestId?: string }): Promise<{ fileName: string; body: string | Buffer }> {
  const { list, programme } = await listFor(deps, staff, id);
  const t = i18nFor(opts.lang).getFixedT(opts.lang, "staff");
  const rows = await allBeneficiaries(deps, id);
  const total = rows.reduce((sum, b) => sum + b.amountVnd, 0);
  const header = TREASURY_COLUMNS.map((c) => t(`payments.treasury.${c}`));
  const lines = [...rows.map((b, i) => treasuryLine(b, i + 1)), ["", t("payments.treasury.total", { count: rows.length }), "", "", "", "", "", total, "", ""]];
  await audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "payment_list.exported", target: { kind: "payment_list", id }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { format: opts.format, people: rows.length, amountVnd: total, status: list.status } });
  const base = `${stripVietnameseMarks(programme.key)}-${list.paymentDate}${list.status === "draft" ? `-${t("payments.treasury.draftMark")}` : ""}`;
  if (opts.format === "csv") return { fileName: `${base}.csv`, body: csvDocument(header, lines) };
  const columns = header.map((h, i) => ({ header: h, width: i === 1 || i === 9 ? 30 : 16, ...(["nationalId", "accountNo", "ward"].includes(TREASURY_COLUMNS[i]!) ? { numFmt: "@" } : TREASURY_COLUMNS[i] === "amountVnd" ? { numFmt: "#,##0" } : {}) }));
  return { fileName: `${base}.xlsx`, body: await xlsxDocument(t("payments.treasury.sheet"), columns, lines) };
}
