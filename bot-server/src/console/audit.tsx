/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's audit log search (admins only, see staff/permissions.ts): a GET form, so a search
 * is a link an admin can keep or send; newest first, one page at a time by keyset ("older" carries
 * the last id seen), never OFFSET. The pages and `GET /api/staff/audit` call the same service.
 */
import { Hono } from "hono";
import { auditSearchQuerySchema, zodIssuesToFields } from "@hccd/shared";
import { exportAuditCsv, knownAuditActions, searchAuditLog, type AuditEntryView } from "../services/staff/audit-search.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatVietnamDateTime } from "./format.js";
import { ConsolePage, Notice } from "./layout.js";

const ACTOR_KINDS = ["staff", "citizen", "machine", "system"] as const;

/** The form's fields as the search's query: a typed prefix wins over the picked action. */
function queryFromForm(c: ConsoleContext): Record<string, string | undefined> {
  const q = c.req.query();
  const prefix = q.actionPrefix?.trim();
  return {
    actorKind: q.actorKind, actor: q.actor, targetKind: q.targetKind, targetId: q.targetId, requestId: q.requestId, from: q.from, to: q.to, before: q.before,
    action: prefix ? (prefix.endsWith(".") || prefix.endsWith("*") ? prefix : `${prefix}*`) : q.action,
  };
}

/** The page's own query string without the cursor (for "newest", the export and "older"). */
function formQuery(c: ConsoleContext, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(c.req.query())) if (k !== "before" && v) params.set(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

function Filters(props: { c: ConsoleContext; actions: string[] }) {
  const { c } = props;
  const t = c.var.t;
  const q = c.req.query();
  return (
    <form method="get" action="/staff/audit" class="card filters" data-testid="audit-form">
      <fieldset>
        <legend>{t("audit.filters.legend")}</legend>
        <div class="field">
          <label for="audit-actor-kind">{t("audit.filters.actorKind")}</label>
          <select id="audit-actor-kind" name="actorKind">
            <option value="">{t("audit.filters.actorKinds.any")}</option>
            {ACTOR_KINDS.map((k) => (
              <option value={k} selected={q.actorKind === k}>{t(`audit.filters.actorKinds.${k}`)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">{t("audit.filters.actor")}</label>
          <input type="text" id="audit-actor" name="actor" value={q.actor ?? ""} aria-describedby="audit-actor-hint" autocapitalize="none" spellcheck={false} />
          <p class="hint" id="audit-actor-hint">{t("audit.filters.actorHint")}</p>
        </div>
        <div class="field">
          <label for="audit-action">{t("audit.filters.action")}</label>
          <select id="audit-action" name="action">
            <option value="">{t("audit.filters.actionAny")}</option>
            {props.actions.map((a) => (
              <option value={a} selected={q.action === a}>{a}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-action-prefix">{t("audit.filters.actionPrefix")}</label>
          <input type="text" id="audit-action-prefix" name="actionPrefix" value={q.actionPrefix ?? ""} aria-describedby="audit-prefix-hint" autocapitalize="none" spellcheck={false} />
          <p class="hint" id="audit-prefix-hint">{t("audit.filters.actionPrefixHint")}</p>
        </div>
        {(["targetKind", "targetId", "requestId"] as const).map((f) => (
          <div class="field">
            <label for={`audit-${f}`}>{t(`audit.filters.${f}`)}</label>
            <input type="text" id={`audit-${f}`} name={f} value={q[f] ?? ""} autocapitalize="none" spellcheck={false} />
          </div>
        ))}
        {(["from", "to"] as const).map((f) => (
          <div class="field">
            <label for={`audit-${f}`}>{t(`audit.filters.${f}`)}</label>
            <input type="date" id={`audit-${f}`} name={f} value={q[f] ?? ""} aria-describedby="audit-period-hint" />
          </div>
        ))}
        <p class="hint" id="audit-period-hint">{t("audit.filters.periodHint")}</p>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" data-testid="audit-submit">{t("audit.filters.submit")}</button>
        <a href="/staff/audit" class="button button--secondary">{t("audit.filters.reset")}</a>
      </div>
    </form>
  );
}

function Entries(props: { c: ConsoleContext; entries: AuditEntryView[] }) {
  const t = props.c.var.t;
  if (props.entries.length === 0) return <p data-testid="audit-none">{t("audit.none")}</p>;
  return (
    <div class="table-wrap">
      <table data-testid="audit-results">
        <thead>
          <tr>
            <th scope="col">{t("audit.columns.at")}</th>
            <th scope="col">{t("audit.columns.actor")}</th>
            <th scope="col">{t("audit.columns.action")}</th>
            <th scope="col">{t("audit.columns.target")}</th>
            <th scope="col">{t("audit.columns.requestId")}</th>
            <th scope="col">{t("audit.columns.details")}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr data-testid="audit-entry" data-id={e.id} data-action={e.action}>
              <td><time datetime={e.at}>{formatVietnamDateTime(new Date(e.at))}</time></td>
              <td>
                <span class="muted">{t(`audit.filters.actorKinds.${e.actorKind}`)}</span> {e.actorName ?? e.actorId}
              </td>
              <td><code>{e.action}</code></td>
              <td>{e.targetKind ? `${e.targetKind}: ${e.targetId ?? ""}` : ""}</td>
              <td><code>{e.requestId ?? ""}</code></td>
              <td><code class="audit-details">{Object.keys(e.details).length ? JSON.stringify(e.details) : ""}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function invalidNotice(c: ConsoleContext, fields: { path: string; message: string }[]) {
  const t = c.var.t;
  const names = fields.map((f) => `${t(`audit.fieldNames.${f.path}`, { defaultValue: f.path })}: ${f.message}`).join("; ");
  return <Notice kind="error"><span data-testid="audit-invalid">{t("audit.invalid", { fields: names })}</span></Notice>;
}

export function auditPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();

  app.get("/", async (c) => {
    const t = c.var.t;
    const parsed = auditSearchQuerySchema.safeParse(queryFromForm(c));
    const actions = await knownAuditActions(deps);
    if (!parsed.success) {
      return c.html(
        <ConsolePage c={c} title={t("audit.title")} section="audit">
          <p>{t("audit.intro")}</p>
          {invalidNotice(c, zodIssuesToFields(parsed.error.issues))}
          <Filters c={c} actions={actions} />
        </ConsolePage>,
        422,
      );
    }
    const result = await searchAuditLog(deps, c.var.staff, parsed.data, c.var.requestId);
    const base = formQuery(c);
    return c.html(
      <ConsolePage c={c} title={t("audit.title")} section="audit">
        <p>{t("audit.intro")}</p>
        <Filters c={c} actions={actions} />
        <p class="actions">
          <a class="button button--secondary" href={`/staff/audit/export.csv${base ? `?${base}` : ""}`} data-testid="audit-export">{t("audit.filters.export")}</a>
        </p>
        <Entries c={c} entries={result.entries} />
        <nav class="actions" aria-label={t("audit.title")}>
          {parsed.data.before && <a href={`/staff/audit${base ? `?${base}` : ""}`} data-testid="audit-newest">{t("audit.newest")}</a>}
          {result.nextBefore && <a href={`/staff/audit?${formQuery(c, { before: String(result.nextBefore) })}`} data-testid="audit-older">{t("audit.older")}</a>}
        </nav>
      </ConsolePage>,
    );
  });

  app.get("/export.csv", async (c) => {
    const parsed = auditSearchQuerySchema.safeParse({ ...queryFromForm(c), before: undefined });
    if (!parsed.success) return c.html(<ConsolePage c={c} title={c.var.t("audit.title")} section="audit">{invalidNotice(c, zodIssuesToFields(parsed.error.issues))}</ConsolePage>, 422);
    const r = await exportAuditCsv(deps, c.var.staff, parsed.data, c.var.requestId);
    return c.body(r.csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="nhat-ky-truy-cap.csv"' });
  });
  return app;
}
