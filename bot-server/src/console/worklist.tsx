/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's worklist: births and deaths whose family a ward officer must contact, the nearest
 * legal deadline first; one case with the people to call or visit, its contacts, and the form that
 * records a contact. The pages call the same services as `/api/staff/worklist`
 * (services/worklist/ward-worklist.ts), which apply the ward officer's scope and audit the reads.
 */
import { Hono } from "hono";
import { CONTACT_METHODS, CONTACT_OUTCOMES, WORKLIST_NOTE_MAX, worklistContactRequestSchema, worklistQuerySchema, type WorklistItem, type WorklistItemDetail } from "@hccd/shared";
import { DomainError } from "../errors.js";
import { listWorklist, readWorklistItem, recordWorklistContact } from "../services/worklist/ward-worklist.js";
import { vnDate } from "../services/delivery/notifications.js";
import { wardName } from "../services/reference/wards.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatVietnamDateTime } from "./format.js";
import { ConsolePage, CsrfField, Notice } from "./layout.js";

function caseText(c: ConsoleContext, item: WorklistItem): string {
  const t = c.var.t;
  const date = vnDate(item.eventDate);
  if (item.service === "birth-registration") return t("worklist.birthOf", { name: item.contact.name, date });
  return item.deceasedName ? t("worklist.deathOf", { name: item.deceasedName, date }) : t("worklist.deathUnknown", { date });
}

/** The deadline with what is left of it, marked as it nears. */
function Due(props: { c: ConsoleContext; item: WorklistItem }) {
  const { c, item } = props;
  const t = c.var.t;
  const left = item.daysLeft;
  const kind = left < 0 ? "pill--err" : left <= 7 ? "pill--warn" : "";
  const text = left < 0 ? t("worklist.overdue", { count: -left }) : left === 0 ? t("worklist.dueToday") : t("worklist.daysLeft", { count: left });
  return (
    <>
      <span data-testid="worklist-due" data-due={item.dueBy}>{vnDate(item.dueBy)}</span>
      <br />
      <span class={`pill ${kind}`} data-testid="worklist-days-left" data-days-left={String(left)}>{text}</span>
    </>
  );
}

function Reason(props: { c: ConsoleContext; item: WorklistItem }) {
  const t = props.c.var.t;
  return props.item.reason ? <span data-testid="worklist-reason" data-reason={props.item.reason}>{t(`worklist.reasons.${props.item.reason}`)}</span> : <span class="muted" data-testid="worklist-reason" data-reason="">{t("worklist.notListed")}</span>;
}

function LastContact(props: { c: ConsoleContext; item: WorklistItem }) {
  const t = props.c.var.t;
  const last = props.item.lastContact;
  if (!last) return <span class="muted">{t("worklist.noContact")}</span>;
  return <>{t("worklist.lastContact", { date: formatVietnamDateTime(new Date(last.contactedAt)), outcome: t(`worklist.outcomes.${last.outcome}`) })}</>;
}

async function listPage(c: ConsoleContext, deps: ConsoleDeps, page: number) {
  const t = c.var.t;
  const staff = c.var.staff;
  const list = await listWorklist(deps, staff, { page, requestId: c.var.requestId });
  const ward = staff.role === "ward_officer" && staff.wardCode ? await wardName(deps.db, staff.wardCode) : null;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <ConsolePage c={c} title={t("worklist.title")} section="worklist">
      <p>{t("worklist.intro")}</p>
      <p>{ward ? t("worklist.scopeWard", { ward }) : staff.role === "admin" ? t("worklist.scopeAll") : null}</p>
      <p class="hint">{t("worklist.rule")}</p>
      {list.items.length === 0 ? (
        <p class="muted" data-testid="worklist-none">{t("worklist.none")}</p>
      ) : (
        <>
          <p data-testid="worklist-total" data-total={String(list.total)}>{t("worklist.total", { count: list.total })}</p>
          <div class="table-wrap">
            <table data-testid="worklist-list">
              <thead>
                <tr>
                  <th scope="col">{t("worklist.columns.case")}</th>
                  <th scope="col">{t("worklist.columns.person")}</th>
                  <th scope="col">{t("worklist.columns.reason")}</th>
                  <th scope="col">{t("worklist.columns.dueBy")}</th>
                  <th scope="col">{t("worklist.columns.lastContact")}</th>
                  {staff.role === "admin" && <th scope="col">{t("worklist.columns.ward")}</th>}
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => (
                  <tr data-testid="worklist-row" data-draft-id={item.draftId} data-service={item.service}>
                    <td>
                      <a href={`/staff/worklist/${encodeURIComponent(item.draftId)}`} data-testid="worklist-open">{caseText(c, item)}</a>
                    </td>
                    <td>
                      {item.contact.name}
                      <br />
                      <span class="muted">{item.contact.maskedPhone ?? t("worklist.noPhone")}</span>
                    </td>
                    <td><Reason c={c} item={item} /></td>
                    <td><Due c={c} item={item} /></td>
                    <td><LastContact c={c} item={item} /></td>
                    {staff.role === "admin" && <td>{item.ward?.name ?? t("worklist.unknownWard")}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav class="pager" aria-label={t("worklist.pages.page", { page: list.page, pages })}>
              {list.page > 1 && <a href={`/staff/worklist?page=${list.page - 1}`}>{t("worklist.pages.previous")}</a>} <span>{t("worklist.pages.page", { page: list.page, pages })}</span>{" "}
              {list.page < pages && <a href={`/staff/worklist?page=${list.page + 1}`}>{t("worklist.pages.next")}</a>}
            </nav>
          )}
        </>
      )}
    </ConsolePage>
  );
}

type FormValues = Partial<Record<"contactedAt" | "method" | "outcome" | "note" | "followUpOn", string>>;

function itemPage(c: ConsoleContext, item: WorklistItemDetail, opts: { recorded?: boolean; error?: string; values?: FormValues; invalid?: string[] } = {}) {
  const t = c.var.t;
  const v = opts.values ?? {};
  const invalid = new Set(opts.invalid ?? []);
  return (
    <ConsolePage c={c} title={t("worklist.detailTitle", { name: item.contact.name })} section="worklist">
      <p>
        <a href="/staff/worklist">{t("worklist.back")}</a>
      </p>
      {opts.recorded && <Notice kind="success"><span data-testid="worklist-recorded">{t("worklist.recorded")}</span></Notice>}
      {opts.error && <Notice kind="error"><span data-testid="worklist-error">{opts.error}</span></Notice>}
      <section class="card" aria-labelledby="case-title">
        <h2 id="case-title">{t("worklist.factsTitle")}</h2>
        <p data-testid="worklist-case">{caseText(c, item)}</p>
        <dl class="handover-facts">
          <dt>{t("worklist.columns.reason")}</dt>
          <dd><Reason c={c} item={item} /></dd>
          <dt>{t("worklist.columns.dueBy")}</dt>
          <dd><Due c={c} item={item} /></dd>
          <dt>{t("worklist.columns.ward")}</dt>
          <dd>{item.ward?.name ?? t("worklist.unknownWard")}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="people-title">
        <h2 id="people-title">{t("worklist.peopleTitle")}</h2>
        {item.people.map((p) => (
          <dl class="handover-facts" data-testid="worklist-person" data-role={p.role}>
            <dt>{t(`worklist.roles.${p.role}`)}</dt>
            <dd>{p.fullName}</dd>
            <dt>{t("worklist.phone")}</dt>
            <dd data-testid="worklist-phone">{p.phone ? <a href={`tel:${p.phone.replace(/\s/g, "")}`}>{p.phone}</a> : t("worklist.noPhone")}</dd>
            <dt>{t("worklist.address")}</dt>
            <dd>{p.residenceAddress ?? "—"}</dd>
            <dt>{t("worklist.nationalId")}</dt>
            <dd>{p.maskedNationalId ?? "—"}</dd>
          </dl>
        ))}
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("worklist.historyTitle")}</h2>
        {item.history.length === 0 ? (
          <p class="muted">{t("worklist.noHistory")}</p>
        ) : (
          <ol data-testid="worklist-history">
            {item.history.map((h) => (
              <li data-testid="worklist-contact" data-outcome={h.outcome}>
                {t("worklist.historyEntry", { date: formatVietnamDateTime(new Date(h.contactedAt)), method: t(`worklist.methods.${h.method}`), outcome: t(`worklist.outcomes.${h.outcome}`), staff: h.staffName })}
                {h.followUpOn && <><br /><span class="muted">{t("worklist.followUpEntry", { date: vnDate(h.followUpOn) })}</span></>}
                {h.note && <><br /><span class="handover-text">{h.note}</span></>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {!item.open ? (
        <Notice kind="info"><span data-testid="worklist-closed">{t("worklist.closed")}</span></Notice>
      ) : (
        <form method="post" action={`/staff/worklist/${encodeURIComponent(item.draftId)}/contacts`} class="card" data-testid="worklist-contact-form">
          <h2>{t("worklist.form.title")}</h2>
          <CsrfField c={c} />
          <input type="hidden" name="expectedContacts" value={String(item.history.length)} />
          <div class="field">
            <label for="wl-contacted-at">{t("worklist.form.contactedAt")}</label>
            <p class="hint" id="wl-contacted-at-hint">{t("worklist.form.contactedAtHint")}</p>
            <input id="wl-contacted-at" type="datetime-local" name="contactedAt" value={v.contactedAt ?? ""} aria-describedby="wl-contacted-at-hint" aria-invalid={invalid.has("contactedAt") ? "true" : undefined} data-testid="worklist-contacted-at" />
          </div>
          <div class="field">
            <label for="wl-method">{t("worklist.form.method")}</label>
            <select id="wl-method" name="method" data-testid="worklist-method">
              {CONTACT_METHODS.map((m) => <option value={m} selected={v.method === m}>{t(`worklist.methods.${m}`)}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="wl-outcome">{t("worklist.form.outcome")}</label>
            <select id="wl-outcome" name="outcome" data-testid="worklist-outcome">
              {CONTACT_OUTCOMES.map((o) => <option value={o} selected={v.outcome === o}>{t(`worklist.outcomes.${o}`)}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="wl-follow-up">{t("worklist.form.followUpOn")}</label>
            <p class="hint" id="wl-follow-up-hint">{t("worklist.form.followUpHint")}</p>
            <input id="wl-follow-up" type="date" name="followUpOn" value={v.followUpOn ?? item.suggestedFollowUp} aria-describedby="wl-follow-up-hint" aria-invalid={invalid.has("followUpOn") ? "true" : undefined} data-testid="worklist-follow-up" />
          </div>
          <div class="field">
            <label for="wl-note">{t("worklist.form.note")}</label>
            <p class="hint" id="wl-note-hint">{t("worklist.form.noteHint", { max: WORKLIST_NOTE_MAX })}</p>
            <textarea id="wl-note" name="note" maxlength={WORKLIST_NOTE_MAX} aria-describedby="wl-note-hint" aria-invalid={invalid.has("note") ? "true" : undefined} data-testid="worklist-note">{v.note ?? ""}</textarea>
          </div>
          <button type="submit" class="button" data-testid="worklist-submit">{t("worklist.form.submit")}</button>
        </form>
      )}
    </ConsolePage>
  );
}

const fieldLabel = (c: ConsoleContext, path: string) => {
  const t = c.var.t;
  const key = { contactedAt: "contactedAt", method: "method", outcome: "outcome", note: "note", followUpOn: "followUpOn" }[path];
  return key ? t(`worklist.form.${key}`) : path;
};

export function worklistPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get("/", async (c) => {
    const q = worklistQuerySchema.safeParse(c.req.query());
    return c.html(await listPage(c, deps, q.success ? q.data.page : 1));
  });

  app.get("/:id", async (c) => {
    const item = await readWorklistItem(deps, c.var.staff, c.req.param("id"), { requestId: c.var.requestId });
    return c.html(itemPage(c, item, { recorded: Boolean(c.req.query("recorded")) }));
  });

  app.post("/:id/contacts", async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const values: FormValues = {};
    for (const k of ["contactedAt", "method", "outcome", "note", "followUpOn"] as const) if (typeof body[k] === "string") values[k] = body[k];
    const refuse = async (status: 409 | 422, error: string, invalid: string[] = []) =>
      c.html(itemPage(c, await readWorklistItem(deps, c.var.staff, id, { requestId: c.var.requestId }), { error, values, invalid }), status);
    const parsed = worklistContactRequestSchema.safeParse({ ...values, expectedContacts: body.expectedContacts });
    if (!parsed.success) {
      const paths = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
      return refuse(422, c.var.t("worklist.errors.invalid", { fields: paths.map((p) => fieldLabel(c, p)).join(", ") }), paths);
    }
    try {
      await recordWorklistContact(deps, c.var.staff, id, parsed.data, c.var.requestId);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404) throw err;
      if (err.status === 422) {
        const paths = (err.fields ?? []).map((f) => f.path);
        return refuse(422, c.var.t("worklist.errors.invalid", { fields: paths.map((p) => fieldLabel(c, p)).join(", ") }), paths);
      }
      return refuse(409, err.code === "worklist_item_closed" ? c.var.t("worklist.closed") : c.var.t("worklist.errors.changed"));
    }
    // After a POST, a GET (a reload does not record the contact twice).
    return c.redirect(`/staff/worklist/${encodeURIComponent(id)}?recorded=1`, 303);
  });
  return app;
}
