/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's payments area: proactive payment programmes (services/payments). Import a
 * department's beneficiary list into a programme's list for a payment date, follow the import,
 * read the list and download it for the treasury, approve it (another officer than the importer,
 * once), and see who could not be told and who reported a mistake.
 */
import { Hono } from "hono";
import { BENEFICIARY_COLUMNS, maskPersonalData, maskPhone, paymentProgramme } from "@hccd/shared";
import { DomainError } from "../errors.js";
import { checkFileSignature, importFormat } from "../services/imports/import-reader.js";
import { FileRefused } from "../services/imports/import-reasons.js";
import { importReasonText } from "../services/imports/staff-imports.js";
import { vndAmount } from "../services/delivery/notifications.js";
import { startBeneficiaryImport } from "../services/payments/beneficiary-import.js";
import { approvalState, approvePaymentList, listStaffPaymentLists, programmesFor, readPaymentList, resumePaymentNotices, treasuryFile } from "../services/payments/payment-lists.js";
import { mayUse } from "../services/staff/permissions.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatVietnamDateTime, sizeText } from "./format.js";
import { ConsolePage, CsrfField, Notice } from "./layout.js";

/** How often a list with an import running reloads itself. */
const PROGRESS_REFRESH_MS = 1500;

type Lists = Awaited<ReturnType<typeof listStaffPaymentLists>>;
type Detail = Awaited<ReturnType<typeof readPaymentList>>;

function StatusPill(props: { c: ConsoleContext; status: "draft" | "approved" | "notified" }) {
  const kind = props.status === "draft" ? "pill--warn" : "pill--ok";
  return <span class={`pill ${kind}`} data-testid="payment-status" data-status={props.status}>{props.c.var.t(`payments.status.${props.status}`)}</span>;
}

async function listPage(c: ConsoleContext, deps: ConsoleDeps, error?: string) {
  return listView(c, deps, await listStaffPaymentLists(deps, c.var.staff), error);
}

function listView(c: ConsoleContext, deps: ConsoleDeps, lists: Lists, error?: string) {
  const t = c.var.t;
  const lang = c.var.lang;
  const programmes = programmesFor(c.var.staff);
  return (
    <ConsolePage c={c} title={t("payments.title")} section="payments">
      <p>{t("payments.intro")}</p>
      {error && (
        <Notice kind="error">
          <span data-testid="payment-error">{error}</span>
        </Notice>
      )}
      {programmes.length > 0 && (
        <form method="post" action="/staff/payments/imports" enctype="multipart/form-data" class="card" data-testid="payment-import-form">
          <h2>{t("payments.uploadTitle")}</h2>
          <CsrfField c={c} />
          <div class="field">
            <label for="payment-programme">{t("payments.programme")}</label>
            <select id="payment-programme" name="programme" required>
              {programmes.map((p) => <option value={p.key}>{p.name[lang]}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="payment-date">{t("payments.paymentDate")}</label>
            <input type="date" id="payment-date" name="paymentDate" required aria-describedby="payment-date-hint" />
            <p class="hint" id="payment-date-hint">{t("payments.paymentDateHint")}</p>
          </div>
          <div class="field">
            <label for="payment-file">{t("payments.file")}</label>
            <input type="file" id="payment-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby="payment-file-hint" />
            <p class="hint" id="payment-file-hint">{t("payments.fileHint", { max: sizeText(deps.config.IMPORT_MAX_BYTES) })}</p>
          </div>
          <button type="submit" class="button" data-testid="payment-import-submit">{t("payments.submit")}</button>
        </form>
      )}
      {programmes.map((p) => (
        <section class="card">
          <h2>{p.name[lang]}</h2>
          <p>{t("payments.basis", { basis: p.legalBasis[lang] })}</p>
          <p>{p.amountRule.kind === "from_list" ? t("payments.amountRule.from_list") : t("payments.amountRule.fixed", { amount: vndAmount(p.amountRule.amountVnd, lang), source: p.amountRule.source })}</p>
        </section>
      ))}
      <ColumnsHelp c={c} />
      <h2>{t("payments.title")}</h2>
      {lists.length === 0 ? (
        <p class="muted">{t("payments.none")}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="payment-lists">
            <thead>
              <tr>
                <th scope="col">{t("payments.table.programme")}</th>
                <th scope="col">{t("payments.table.paymentDate")}</th>
                <th scope="col">{t("payments.table.status")}</th>
                <th scope="col" class="num">{t("payments.table.people")}</th>
                <th scope="col" class="num">{t("payments.table.amount")}</th>
                <th scope="col" class="num">{t("payments.table.notified")}</th>
                <th scope="col" class="num">{t("payments.table.unreachable")}</th>
                <th scope="col" class="num">{t("payments.table.reported")}</th>
              </tr>
            </thead>
            <tbody>
              {lists.map(({ list, programme, totals }) => (
                <tr data-testid="payment-list-row">
                  <td><a href={`/staff/payments/${encodeURIComponent(list.id)}`}>{programme.name[lang]}</a></td>
                  <td>{list.paymentDate.split("-").reverse().join("/")}</td>
                  <td><StatusPill c={c} status={list.status} /></td>
                  <td class="num">{totals.people}</td>
                  <td class="num">{vndAmount(totals.amountVnd, lang)}</td>
                  <td class="num">{totals.queued}</td>
                  <td class="num">{totals.unreachable + totals.optedOut}</td>
                  <td class="num">{totals.reported}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsolePage>
  );
}

function ColumnsHelp(props: { c: ConsoleContext }) {
  const t = props.c.var.t;
  return (
    <details class="card payment-columns" data-testid="payment-columns">
      <summary>{t("payments.columnsTitle")}</summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("payments.columnsTable.label")}</th>
              <th scope="col">{t("payments.columnsTable.key")}</th>
              <th scope="col">{t("payments.columnsTable.required")}</th>
              <th scope="col">{t("payments.columnsTable.how")}</th>
            </tr>
          </thead>
          <tbody>
            {BENEFICIARY_COLUMNS.map((col) => (
              <tr>
                <th scope="row">{col.label}</th>
                <td><code>{col.key}</code></td>
                <td>{t(col.required || col.key === "amount" ? "payments.required" : "payments.optional")}</td>
                <td>{t(`payments.columns.${col.key}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

const dmy = (iso: string) => iso.split("-").reverse().join("/");

function detailPage(c: ConsoleContext, d: Detail, opts: { approval: Awaited<ReturnType<typeof approvalState>>; notice?: string; error?: string }) {
  const t = c.var.t;
  const lang = c.var.lang;
  const { list, programme, totals } = d;
  const running = d.imports.some((i) => i.status === "running");
  const id = encodeURIComponent(list.id);
  const href = (p: number) => `/staff/payments/${id}?page=${p}`;
  const seesTickets = mayUse(c.var.staff.role, "handover");
  return (
    <ConsolePage c={c} title={t("payments.detailTitle", { programme: programme.name[lang], date: dmy(list.paymentDate) })} section="payments">
      <p><a href="/staff/payments">{t("payments.back")}</a></p>
      {opts.notice && <Notice kind="success"><span data-testid="payment-notice">{opts.notice}</span></Notice>}
      {opts.error && <Notice kind="error"><span data-testid="payment-error">{opts.error}</span></Notice>}
      <div id="payment-list" data-testid="payment-list" {...(running ? { "data-refresh": String(PROGRESS_REFRESH_MS) } : {})}>
        <p><StatusPill c={c} status={list.status} /> {t("payments.basis", { basis: programme.legalBasis[lang] })}</p>
        <dl class="grid">
          {([["people", String(totals.people)], ["amount", vndAmount(totals.amountVnd, lang)], ["queued", String(totals.queued)], ["unreachable", String(totals.unreachable + totals.optedOut)], ["reported", String(totals.reported)]] as const).map(([k, v]) => (
            <div class="card">
              <dt class="muted">{t(`payments.totals.${k}`)}</dt>
              <dd class="num" data-testid={`total-${k}`}>{v}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="imports-title">
          <h2 id="imports-title">{t("payments.importsTitle")}</h2>
          <div class="table-wrap">
            <table data-testid="payment-imports">
              <thead>
                <tr>
                  {(["file", "status", "rows", "created", "updated", "rejected", "report"] as const).map((k) => <th scope="col">{t(`payments.importsColumns.${k}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {d.imports.map((i) => (
                  <tr data-testid="payment-import" data-status={i.status}>
                    <td>{i.fileName}</td>
                    <td>{t(`payments.importStatus.${i.status}`)}{i.error ? ` — ${importReasonText(i.error, lang)}` : ""}</td>
                    <td class="num">{i.rows}</td>
                    <td class="num">{i.created}</td>
                    <td class="num">{i.updated}</td>
                    <td class="num" data-testid="import-rejected">{i.rejected}</td>
                    <td><a href={`/staff/imports/${encodeURIComponent(i.id)}`}>{t("payments.openReport")}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="treasury-title" class="card">
          <h2 id="treasury-title">{t("payments.treasuryTitle")}</h2>
          <p class="hint">{t("payments.treasuryHint")}</p>
          <p class="actions">
            <a class="button button--secondary" href={`/staff/payments/${id}/treasury.xlsx`} download data-testid="treasury-xlsx">{t("payments.downloadXlsx")}</a>
            <a class="button button--secondary" href={`/staff/payments/${id}/treasury.csv`} download data-testid="treasury-csv">{t("payments.downloadCsv")}</a>
          </p>
        </section>
        <section aria-labelledby="approve-title" class="card">
          <h2 id="approve-title">{t("payments.approveTitle")}</h2>
          {list.approvedAt ? (
            <p data-testid="payment-approved-by">{t("payments.approvedBy", { name: d.approverName ?? list.approvedBy ?? "", time: formatVietnamDateTime(list.approvedAt) })}</p>
          ) : opts.approval.may ? (
            <form method="post" action={`/staff/payments/${id}/approve`} data-testid="payment-approve-form">
              <CsrfField c={c} />
              <p class="hint">{t("payments.approveHint")}</p>
              <button type="submit" class="button" data-testid="payment-approve">{t("payments.approveButton")}</button>
            </form>
          ) : (
            <p class="muted" data-testid="payment-not-approvable">{opts.approval.reason === "approved" ? t("payments.approveHint") : t(`payments.cannotApprove.${opts.approval.reason}`)}</p>
          )}
          {list.status === "approved" && totals.pending > 0 && (
            <form method="post" action={`/staff/payments/${id}/resume`}>
              <CsrfField c={c} />
              <p>{t("payments.resumeHint", { count: totals.pending })}</p>
              <button type="submit" class="button button--secondary" data-testid="payment-resume">{t("payments.resumeButton")}</button>
            </form>
          )}
        </section>
        {d.unreachable.length > 0 && (
          <section aria-labelledby="unreachable-title">
            <h2 id="unreachable-title">{t("payments.unreachableTitle")}</h2>
            <p>{t("payments.unreachableIntro")}</p>
            <ul data-testid="payment-unreachable">
              {d.unreachable.map((b) => <li>{b.fullName} — {maskPersonalData(b.nationalId)} — {b.address ?? b.wardCode ?? ""} ({t(`payments.notice.${b.noticeStatus}`)})</li>)}
            </ul>
          </section>
        )}
        {d.reported.length > 0 && (
          <section aria-labelledby="reported-title">
            <h2 id="reported-title">{t("payments.reportedTitle")}</h2>
            <p>{t("payments.reportedIntro")}</p>
            <ul data-testid="payment-reported">
              {d.reported.map((b) => (
                <li>
                  {b.fullName} — {vndAmount(b.amountVnd, lang)} — {b.mistakeReportedAt ? formatVietnamDateTime(b.mistakeReportedAt) : ""}
                  {seesTickets && b.mistakeTicketId && <> — <a href={`/staff/handover/${encodeURIComponent(b.mistakeTicketId)}`}>{t("payments.openTicket")}</a></>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="beneficiaries-title">
          <h2 id="beneficiaries-title">{t("payments.beneficiariesTitle")}</h2>
          <div class="table-wrap">
            <table data-testid="payment-beneficiaries">
              <caption class="muted">{t("payments.beneficiariesPage", { page: d.page, pages: d.pages })}</caption>
              <thead>
                <tr>
                  {(["name", "nationalId", "category", "amount", "account", "phone", "notice"] as const).map((k) => <th scope="col">{t(`payments.beneficiaryColumns.${k}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {d.beneficiaries.map((b) => (
                  <tr data-testid="payment-beneficiary" data-notice={b.noticeStatus}>
                    <td>{b.fullName}</td>
                    {/* ID numbers, accounts and phones masked on screen; the treasury file has them whole. */}
                    <td>{maskPersonalData(b.nationalId)}</td>
                    <td>{b.category}</td>
                    <td class="num">{vndAmount(b.amountVnd, lang)}</td>
                    <td>{b.accountNo ? `${b.bank ?? ""} ${maskPersonalData(b.accountNo)}` : ""}</td>
                    <td>{b.phone ? maskPhone(b.phone) : ""}</td>
                    <td>{t(`payments.notice.${b.noticeStatus}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.pages > 1 && (
            <nav class="actions" aria-label={t("payments.beneficiariesTitle")}>
              {d.page > 1 && <a href={href(d.page - 1)}>{t("payments.previous")}</a>}
              {d.page < d.pages && <a href={href(d.page + 1)}>{t("payments.next")}</a>}
            </nav>
          )}
        </section>
      </div>
    </ConsolePage>
  );
}

/** Why an upload cannot be imported, in the officer's language: the service's checks run here first so the page can say it. */
function uploadProblem(c: ConsoleContext, body: { programme: unknown; paymentDate: unknown; file: unknown }, max: number): { status: 413 | 422; text: string } | null {
  const t = c.var.t;
  const file = body.file;
  if (typeof body.programme !== "string" || !paymentProgramme(body.programme) || !programmesFor(c.var.staff).some((p) => p.key === body.programme)) return { status: 422, text: t("payments.errors.badProgramme") };
  if (typeof body.paymentDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(body.paymentDate) || Number.isNaN(Date.parse(body.paymentDate))) return { status: 422, text: t("payments.errors.badDate") };
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return { status: 422, text: t("payments.errors.noFile") };
  if (file.size > max) return { status: 413, text: t("payments.errors.tooLarge", { max: sizeText(max) }) };
  if (file.size === 0) return { status: 422, text: t("payments.errors.empty") };
  try {
    importFormat(file.name);
  } catch {
    return { status: 422, text: t("payments.errors.badType") };
  }
  return null;
}

/** A refusal of the services shown on the page (a wrong file, an approved list), anything else thrown. */
function refusalText(c: ConsoleContext, err: unknown): { status: number; text: string } | null {
  if (err instanceof FileRefused) return { status: 422, text: importReasonText(err.message, c.var.lang) };
  if (err instanceof DomainError && err.code === "payment_list_approved") return { status: 409, text: c.var.t("payments.errors.approved") };
  if (err instanceof DomainError && err.code === "validation_failed") return { status: 422, text: err.fields?.map((f) => `${f.path}: ${f.message}`).join("; ") ?? err.message };
  return null;
}

export function paymentPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const max = deps.config.IMPORT_MAX_BYTES;

  app.get("/", async (c) => c.html(await listPage(c, deps)));

  app.post("/imports", async (c) => {
    if (Number(c.req.header("content-length") ?? 0) > max + 64 * 1024) return c.html(await listPage(c, deps, c.var.t("payments.errors.tooLarge", { max: sizeText(max) })), 413);
    const body = await c.req.parseBody();
    const problem = uploadProblem(c, { programme: body.programme, paymentDate: body.paymentDate, file: body.file }, max);
    if (problem) return c.html(await listPage(c, deps, problem.text), problem.status);
    const file = body.file as File;
    const content = new Uint8Array(await file.arrayBuffer());
    try {
      checkFileSignature(importFormat(file.name), content);
      const { listId } = await startBeneficiaryImport(deps, { staff: c.var.staff, programmeKey: body.programme as string, paymentDate: body.paymentDate as string, fileName: file.name, content, requestId: c.var.requestId });
      return c.redirect(`/staff/payments/${encodeURIComponent(listId)}`, 303);
    } catch (err) {
      const refusal = refusalText(c, err);
      if (!refusal) throw err;
      return c.html(await listPage(c, deps, refusal.text), refusal.status as 409 | 422);
    }
  });

  const show = async (c: ConsoleContext, id: string, opts: { notice?: string; error?: string; status?: 200 | 403 | 409 } = {}) => {
    const d = await readPaymentList(deps, c.var.staff, id, { page: Number(c.req.query("page") ?? 1) || 1, requestId: c.var.requestId });
    return c.html(detailPage(c, d, { approval: await approvalState(deps, c.var.staff, d.list), ...opts }), opts.status ?? 200);
  };

  app.get("/:id", async (c) => {
    const done = c.req.query("approved");
    return show(c, c.req.param("id"), done ? { notice: c.var.t(done === "now" ? "payments.approvedNow" : "payments.approvedAlready") } : {});
  });

  app.post("/:id/approve", async (c) => {
    const id = c.req.param("id");
    try {
      const r = await approvePaymentList(deps, c.var.staff, id, { requestId: c.var.requestId });
      return c.redirect(`/staff/payments/${encodeURIComponent(id)}?approved=${r.approvedNow ? "now" : "already"}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 403 && err.status !== 409)) throw err;
      // The page says why (the same reason shown where the button would be).
      return show(c, id, { status: err.status as 403 | 409 });
    }
  });

  app.post("/:id/resume", async (c) => {
    const id = c.req.param("id");
    await resumePaymentNotices(deps, c.var.staff, id, { requestId: c.var.requestId });
    return c.redirect(`/staff/payments/${encodeURIComponent(id)}`, 303);
  });

  for (const format of ["csv", "xlsx"] as const) {
    app.get(`/:id/treasury.${format}`, async (c) => {
      const file = await treasuryFile(deps, c.var.staff, c.req.param("id"), { lang: c.var.lang, format, requestId: c.var.requestId });
      const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body), 200, { "content-type": type, "content-disposition": `attachment; filename="${file.fileName}"` });
    });
  }
  return app;
}
