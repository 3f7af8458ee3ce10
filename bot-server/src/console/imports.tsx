/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's imports area (contract 4): upload a department's list, follow its progress, read
 * the row-level report, download the rejected rows to fix and upload again. The pages call the
 * same services as the staff API (services/imports/staff-imports.ts), which apply the officer's scope.
 */
import { Hono } from "hono";
import { LICENCE_COLUMNS, maskPersonalData } from "@hccd/shared";
import { checkFileSignature, importFormat } from "../services/imports/import-reader.js";
import { FILE_COLUMN, FileRefused } from "../services/imports/import-reasons.js";
import { OTHER_PROBLEMS } from "../services/imports/import-report.js";
import { importableServices, importTemplateCsv, importTemplateXlsx } from "../services/imports/import-template.js";
import {
  columnName,
  importErrorText,
  importReasonText,
  listStaffImports,
  readStaffImport,
  rejectedRowsCsv,
  REPORT_PAGE_SIZE,
  staffImportProgress,
  startStaffImport,
  type importSummary,
} from "../services/imports/staff-imports.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatVietnamDateTime, sizeText } from "./format.js";
import { ConsolePage, CsrfField, Notice } from "./layout.js";

/** Rejected rows shown per page of the report (the API's pages too). */
export { REPORT_PAGE_SIZE };
/** How often the progress panel of a running import reloads itself. */
const PROGRESS_REFRESH_MS = 1500;

type Summary = ReturnType<typeof importSummary>;

const STATUS_PILL = { running: "pill--warn", finished: "pill--ok", failed: "pill--err" } as const;

function StatusPill(props: { c: ConsoleContext; status: Summary["status"] }) {
  return <span class={`pill ${STATUS_PILL[props.status]}`} data-testid="import-status" data-status={props.status}>{props.c.var.t(`imports.status.${props.status}`)}</span>;
}

/** The list page: the imports the staff member may read, loaded first; `error` says why an upload was refused. */
async function listPage(c: ConsoleContext, deps: ConsoleDeps, error?: string) {
  return listView(c, deps, await listStaffImports(deps, c.var.staff), error);
}

function listView(c: ConsoleContext, deps: ConsoleDeps, imports: Summary[], error?: string) {
  const t = c.var.t;
  const staff = c.var.staff;
  const max = sizeText(deps.config.IMPORT_MAX_BYTES);
  return (
    <ConsolePage c={c} title={t("imports.title")} section="imports">
      <p>{t("imports.intro")}</p>
      {staff.role === "department" && staff.agency && <p>{t("imports.scopeAgency", { agency: staff.agency })}</p>}
      {error && (
        <Notice kind="error">
          <span data-testid="import-error">{error}</span>
        </Notice>
      )}
      <form method="post" action="/staff/imports" enctype="multipart/form-data" class="card" data-testid="import-form">
        <h2>{t("imports.uploadTitle")}</h2>
        <CsrfField c={c} />
        <div class="field">
          <label for="import-file">{t("imports.file")}</label>
          <input type="file" id="import-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby="import-file-hint" />
          <p class="hint" id="import-file-hint">{t("imports.fileHint", { max })}</p>
        </div>
        <button type="submit" class="button" data-testid="import-submit">{t("imports.submit")}</button>
      </form>
      <ImportHelp c={c} deps={deps} />
      <h2>{t("imports.recentTitle")}</h2>
      {imports.length === 0 ? (
        <p class="muted">{t("imports.none")}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="import-list">
            <thead>
              <tr>
                <th scope="col">{t("imports.columns.file")}</th>
                <th scope="col">{t("imports.columns.startedAt")}</th>
                <th scope="col">{t("imports.columns.status")}</th>
                <th scope="col" class="num">{t("imports.columns.rows")}</th>
                <th scope="col" class="num">{t("imports.columns.created")}</th>
                <th scope="col" class="num">{t("imports.columns.updated")}</th>
                <th scope="col" class="num">{t("imports.columns.rejected")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr>
                  <td><a href={`/staff/imports/${encodeURIComponent(i.id)}`}>{i.fileName}</a></td>
                  <td>{formatVietnamDateTime(new Date(i.startedAt))}</td>
                  <td><StatusPill c={c} status={i.status} /></td>
                  <td class="num">{i.rows}</td>
                  <td class="num">{i.created}</td>
                  <td class="num">{i.updated}</td>
                  <td class="num">{i.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsolePage>
  );
}

/**
 * What a list must look like (contract 4): every column with its label, key, whether it is
 * required, how to write it; the service codes the officer may use; the templates to start from.
 */
function ImportHelp(props: { c: ConsoleContext; deps: ConsoleDeps }) {
  const { c } = props;
  const t = c.var.t;
  const staff = c.var.staff;
  const services = importableServices(props.deps.catalogue, staff, c.var.lang);
  const showAgency = staff.role !== "department";
  return (
    <section aria-labelledby="import-help-title" data-testid="import-help">
      <h2 id="import-help-title">{t("imports.help.title")}</h2>
      <p>{t("imports.help.intro")}</p>
      <p class="label" id="import-templates">{t("imports.help.templates")}</p>
      <p class="actions" aria-labelledby="import-templates">
        <a class="button button--secondary" href="/staff/imports/template.xlsx" download data-testid="template-xlsx">{t("imports.help.templateXlsx")}</a>
        <a class="button button--secondary" href="/staff/imports/template.csv" download data-testid="template-csv">{t("imports.help.templateCsv")}</a>
      </p>
      <p class="hint">{t("imports.help.templateHint")}</p>
      <div class="table-wrap">
        <table data-testid="import-columns">
          <caption class="muted">{t("imports.help.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.help.table.label")}</th>
              <th scope="col">{t("imports.help.table.key")}</th>
              <th scope="col">{t("imports.help.table.required")}</th>
              <th scope="col">{t("imports.help.table.how")}</th>
              <th scope="col">{t("imports.help.table.example")}</th>
            </tr>
          </thead>
          <tbody>
            {LICENCE_COLUMNS.map((col) => (
              <tr>
                <th scope="row">{col.label}</th>
                <td><code>{col.key}</code></td>
                <td>{t(col.required ? "imports.help.required" : "imports.help.optional")}</td>
                <td>{t(`imports.help.columns.${col.key}.how`)}</td>
                <td>{t(`imports.help.columns.${col.key}.example`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="import-services" data-testid="import-services">
        <summary>{t("imports.help.servicesTitle", { count: services.length })}</summary>
        {services.length === 0 ? (
          <p class="muted">{t("imports.help.servicesNone")}</p>
        ) : (
          <>
            <p>{staff.role === "department" && staff.agency ? t("imports.help.servicesAgency", { agency: staff.agency }) : t("imports.help.servicesAll")}</p>
            <div class="table-wrap">
              <table>
                <caption class="muted">{t("imports.help.servicesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("imports.help.servicesTable.code")}</th>
                    <th scope="col">{t("imports.help.servicesTable.name")}</th>
                    {showAgency && <th scope="col">{t("imports.help.servicesTable.agency")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {services.map((svc) => (
                    <tr>
                      <td><code>{svc.key}</code></td>
                      <td>{svc.name}</td>
                      {showAgency && <td>{svc.agency ?? ""}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </details>
    </section>
  );
}

function Counts(props: { c: ConsoleContext; s: Summary }) {
  const t = props.c.var.t;
  const s = props.s;
  return (
    <dl class="grid import-counts" data-testid="import-counts">
      {(["rows", "created", "updated", "unchanged", "rejected"] as const).map((k) => (
        <div class="card">
          <dt class="muted">{t(`imports.columns.${k}`)}</dt>
          <dd class="num" data-testid={`count-${k}`}>{s[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

type Detail = Awaited<ReturnType<typeof readStaffImport>>;

/** Every problem counted per column and reason, kept in the report or not: a systematic mistake shows here. */
function ProblemCounts(props: { c: ConsoleContext; counts: Detail["problemCounts"] }) {
  const t = props.c.var.t;
  const lang = props.c.var.lang;
  return (
    <section aria-labelledby="problem-counts-title">
      <h3 id="problem-counts-title">{t("imports.problemCountsTitle")}</h3>
      <div class="table-wrap">
        <table data-testid="problem-counts">
          <thead>
            <tr>
              <th scope="col">{t("imports.report.column")}</th>
              <th scope="col">{t("imports.report.reason")}</th>
              <th scope="col" class="num">{t("imports.problemCount")}</th>
            </tr>
          </thead>
          <tbody>
            {props.counts.map((g) => (
              <tr>
                <td>{g.column === OTHER_PROBLEMS.column ? t("imports.otherProblems") : g.column === FILE_COLUMN ? t("imports.report.file") : columnName(g.column, lang)}</td>
                <td>{g.column === OTHER_PROBLEMS.column ? "" : importReasonText(g.reason, lang)}</td>
                <td class="num">{g.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReportTable(props: { c: ConsoleContext; detail: Detail; downloadable: boolean }) {
  const { c, detail } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const id = detail.id;
  const { page, pages, report } = detail;
  const kept = detail.rejected - detail.rejectedNotKept;
  const href = (p: number) => `/staff/imports/${encodeURIComponent(id)}?page=${p}`;
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t("imports.reportTitle")}</h2>
      {detail.legacyReportBytes !== null && (
        <Notice kind="info">
          <span data-testid="report-legacy-cut">{t("imports.reportLegacyCut", { size: sizeText(detail.legacyReportBytes) })}</span>
        </Notice>
      )}
      {detail.rejectedNotKept > 0 && (
        <Notice kind="info">
          <span data-testid="report-cut">{t("imports.reportCut", { kept, total: detail.rejected, notKept: detail.rejectedNotKept })}</span>
        </Notice>
      )}
      {report.length === 0 ? (
        <p data-testid="report-none">{t(detail.rejected > 0 ? "imports.reportNoneKept" : "imports.reportNone")}</p>
      ) : (
        <>
          <p>{t("imports.reportIntro")}</p>
          {props.downloadable && (
            <p class="actions">
              <a class="button button--secondary" href={`/staff/imports/${encodeURIComponent(id)}/rejected.csv`} download data-testid="download-rejected">
                {t("imports.download")}
              </a>
              <span class="hint">{detail.rejectedNotKept > 0 ? t("imports.downloadHintCut", { kept, notKept: detail.rejectedNotKept }) : t("imports.downloadHint")}</span>
            </p>
          )}
          <div class="table-wrap">
            <table data-testid="import-report">
              <caption class="muted">{t("imports.reportPage", { page, pages })}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">{t("imports.report.row")}</th>
                  <th scope="col">{t("imports.report.column")}</th>
                  <th scope="col">{t("imports.report.value")}</th>
                  <th scope="col">{t("imports.report.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {report.map((r) => (
                  <tr data-row={r.row}>
                    <td class="num">{r.row}</td>
                    <td>{r.column === FILE_COLUMN ? t("imports.report.file") : columnName(r.column, lang)}</td>
                    {/* ID numbers and phones are masked on screen; the officer fixes them from the download. */}
                    <td>
                      {maskPersonalData(r.values[r.column] ?? "")}
                      {r.truncated?.[r.column] !== undefined && <span class="hint" data-testid="value-cut"> {t("imports.valueCut", { length: r.truncated[r.column] })}</span>}
                    </td>
                    <td>{importReasonText(r.reason, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav class="actions" aria-label={t("imports.reportTitle")}>
              {page > 1 && <a href={href(page - 1)} data-testid="report-previous">{t("imports.previous")}</a>}
              {page < pages && <a href={href(page + 1)} data-testid="report-next">{t("imports.next")}</a>}
            </nav>
          )}
        </>
      )}
      {detail.problemCounts.length > 0 && <ProblemCounts c={c} counts={detail.problemCounts} />}
    </section>
  );
}

function progressText(c: ConsoleContext, s: Summary): string {
  const t = c.var.t;
  const stored = s.created + s.updated + s.unchanged;
  if (s.status === "running") {
    return s.stage === "applying" ? t("imports.progressApplying", { done: stored, total: s.rows - s.rejected }) : t("imports.progressRunning", { rows: s.rows });
  }
  if (s.status === "finished") return t("imports.progressFinished", { rows: s.rows, time: s.finishedAt ? formatVietnamDateTime(new Date(s.finishedAt)) : "" });
  const failed = t("imports.progressFailed", { error: importErrorText(s.error ?? "", c.var.lang) });
  return stored > 0 ? `${failed} ${t("imports.failedPartly", { stored })}` : failed;
}

/**
 * One import: while it runs, the panel polls its progress (counts only, no personal data, not
 * audited); once it is done its report is read (audited) — once per view, not once per poll.
 */
async function loadDetail(c: ConsoleContext, deps: ConsoleDeps, id: string, page: number): Promise<{ progress: Summary; detail: Detail | null }> {
  const progress = await staffImportProgress(deps, c.var.staff, id);
  const detail = progress.status === "running" ? null : await readStaffImport(deps, c.var.staff, id, { page, requestId: c.var.requestId });
  return { progress, detail };
}

function detailPage(c: ConsoleContext, view: { progress: Summary; detail: Detail | null }) {
  const t = c.var.t;
  const { detail } = view;
  const s = detail ?? view.progress;
  return (
    <ConsolePage c={c} title={t("imports.detailTitle", { file: s.fileName })} section="imports">
      <p><a href="/staff/imports">{t("imports.back")}</a></p>
      <div id="import-progress" data-testid="import-progress" {...(detail ? {} : { "data-refresh": String(PROGRESS_REFRESH_MS) })}>
        <p>
          <StatusPill c={c} status={s.status} /> <span data-testid="import-progress-text">{progressText(c, s)}</span>
        </p>
        <Counts c={c} s={s} />
        {detail && <ReportTable c={c} detail={detail} downloadable={detail.status === "finished" && detail.rejected > 0} />}
      </div>
    </ConsolePage>
  );
}

/**
 * What is wrong with an upload, in the officer's language: the service's own checks
 * (services/imports/staff-imports.ts), run here first so the page can say it in Vietnamese.
 */
function uploadProblem(c: ConsoleContext, fileName: string, content: Uint8Array): string | null {
  const t = c.var.t;
  let format: "csv" | "xlsx";
  try {
    format = importFormat(fileName);
  } catch {
    return t("imports.badType");
  }
  if (content.byteLength === 0) return t("imports.empty");
  try {
    checkFileSignature(format, content);
  } catch (err) {
    if (err instanceof FileRefused) return importReasonText(err.message, c.var.lang);
    throw err;
  }
  return null;
}

export function importPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const max = deps.config.IMPORT_MAX_BYTES;

  app.get("/", async (c) => c.html(await listPage(c, deps)));

  app.post("/", async (c) => {
    const t = c.var.t;
    // Refused before the file is read when the browser says how big it is; checked again after.
    if (Number(c.req.header("content-length") ?? 0) > max + 64 * 1024) return c.html(await listPage(c, deps, t("imports.tooLarge", { max: sizeText(max) })), 413);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || (file.size === 0 && !file.name)) return c.html(await listPage(c, deps, t("imports.noFile")), 422);
    if (file.size > max) return c.html(await listPage(c, deps, t("imports.tooLarge", { max: sizeText(max) })), 413);
    const content = new Uint8Array(await file.arrayBuffer());
    const problem = uploadProblem(c, file.name, content);
    if (problem) return c.html(await listPage(c, deps, problem), 422);
    const { importId } = await startStaffImport(deps, { staff: c.var.staff, fileName: file.name, content, requestId: c.var.requestId });
    return c.redirect(`/staff/imports/${encodeURIComponent(importId)}`, 303);
  });

  // Before "/:id", which would take "template.csv" for an import's id.
  app.get("/template.csv", (c) => {
    const file = importTemplateCsv(c.var.lang);
    return c.body(file.body, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file.fileName}"` });
  });
  app.get("/template.xlsx", async (c) => {
    const file = await importTemplateXlsx(c.var.lang);
    return c.body(new Uint8Array(file.body), 200, { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="${file.fileName}"` });
  });

  app.get("/:id", async (c) => c.html(detailPage(c, await loadDetail(c, deps, c.req.param("id"), Number(c.req.query("page") ?? 1) || 1))));

  app.get("/:id/rejected.csv", async (c) => {
    const r = await rejectedRowsCsv(deps, c.var.staff, c.req.param("id"), { lang: c.var.lang, requestId: c.var.requestId });
    return c.body(r.csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${r.fileName}"`, "x-rejected-rows-not-kept": String(r.notKept) });
  });
  return app;
}
