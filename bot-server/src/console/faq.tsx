/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's FAQ upkeep: the unanswered questions ranked by how often they are asked (each
 * turned into an entry in one step, or added to an entry as another phrasing), and the entries
 * in vi and en with optimistic locking. The pages call the same services as `/api/staff/faq`
 * (services/chat/faq-entries.ts); every save rebuilds the FAQ the bot answers from.
 */
import { Hono } from "hono";
import { FAQ_ANSWER_MAX, faqEntryCreateSchema, faqEntryUpdateSchema, type FieldError } from "@hccd/shared";
import { DomainError } from "../errors.js";
import {
  attachUnansweredToEntry,
  createStaffFaqEntry,
  knownFaqServices,
  listStaffFaqEntries,
  listUnansweredForStaff,
  parseFaqInput,
  readStaffFaqEntry,
  readUnansweredGroup,
  setStaffFaqEntryRetired,
  updateStaffFaqEntry,
  type FaqEntryRow,
  type UnansweredGroup,
} from "../services/chat/faq-entries.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatVietnamDateTime } from "./format.js";
import { ConsolePage, CsrfField, Notice } from "./layout.js";

const FIELDS = ["topic", "service", "questionVi", "alternativesVi", "answerVi", "questionEn", "alternativesEn", "answerEn", "sourceTitle", "sourceRef"] as const;
type Field = (typeof FIELDS)[number];
/** The form as typed: phrasings one per line. */
type FormValues = Record<Field, string>;

const emptyForm = (): FormValues => Object.fromEntries(FIELDS.map((f) => [f, ""])) as FormValues;

function formFromRow(row: FaqEntryRow): FormValues {
  return {
    topic: row.topic,
    service: row.service ?? "",
    questionVi: row.questionVi,
    alternativesVi: row.alternatives.vi.join("\n"),
    answerVi: row.answerVi,
    questionEn: row.questionEn,
    alternativesEn: row.alternatives.en.join("\n"),
    answerEn: row.answerEn,
    sourceTitle: row.sourceTitle,
    sourceRef: row.sourceRef,
  };
}

function formFromBody(body: Record<string, unknown>): FormValues {
  const values = emptyForm();
  for (const f of FIELDS) values[f] = typeof body[f] === "string" ? (body[f] as string) : "";
  return values;
}

/** The form's values as the schemas take them (phrasings split by line, blank lines dropped). */
function inputFromForm(v: FormValues) {
  const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return { ...v, service: v.service.trim() || null, alternativesVi: lines(v.alternativesVi), alternativesEn: lines(v.alternativesEn) };
}

/** A field error from the schemas, in the officer's language: "Câu trả lời (tiếng Việt): tối đa 600 ký tự." */
function fieldMessage(c: ConsoleContext, e: FieldError): { field: Field | null; text: string } {
  const t = c.var.t;
  const top = e.path.split(".")[0] as Field;
  const field = (FIELDS as readonly string[]).includes(top) ? top : null;
  const max = /at most (\d+)/.exec(e.message)?.[1];
  const reason =
    e.message === "must not be empty" ? t("faq.reasons.required")
    : /phone number/.test(e.message) ? t("faq.reasons.phone")
    : /phrasings/.test(e.message) && max ? t("faq.reasons.tooMany", { max })
    : max ? t("faq.reasons.tooLong", { max })
    : field === "topic" ? t("faq.reasons.topic")
    : field === "service" ? t("faq.reasons.service")
    : t("faq.reasons.invalid");
  return { field, text: `${field ? t(`faq.fields.${field}`) : e.path}: ${reason}` };
}

interface FormState {
  values: FormValues;
  errors: FieldError[];
  version?: number;
  fromKey?: string;
}

function TextField(props: { c: ConsoleContext; state: FormState; field: Field; label: string; hint?: string; multiline?: boolean; maxlength?: number; list?: string; lang?: string }) {
  const { c, state, field } = props;
  const err = state.errors.map((e) => fieldMessage(c, e)).find((m) => m.field === field);
  const id = `faq-${field}`;
  const described = [props.hint ? `${id}-hint` : null, err ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name: field, "aria-describedby": described, "aria-invalid": err ? "true" : undefined, "data-testid": id, lang: props.lang };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.multiline ? (
        <textarea {...common} maxlength={props.maxlength}>{state.values[field]}</textarea>
      ) : (
        <input type="text" {...common} value={state.values[field]} maxlength={props.maxlength} list={props.list} />
      )}
      {err && <p class="field-error" id={`${id}-error`}>{err.text}</p>}
    </div>
  );
}

function EntryForm(props: { c: ConsoleContext; deps: ConsoleDeps; state: FormState; action: string; submit: string }) {
  const { c, state } = props;
  const t = c.var.t;
  const f = (field: Field, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => <TextField c={c} state={state} field={field} label={label} {...extra} />;
  return (
    <form method="post" action={props.action} class="card faq-form" data-testid="faq-form">
      <CsrfField c={c} />
      {state.version !== undefined && <input type="hidden" name="version" value={String(state.version)} />}
      {state.fromKey && <input type="hidden" name="fromQuestionKey" value={state.fromKey} />}
      <div class="faq-form__langs">
        <fieldset lang="vi">
          <legend>{t("faq.form.vi")}</legend>
          {f("questionVi", t("faq.form.question"), { maxlength: 200 })}
          {f("alternativesVi", t("faq.form.alternatives"), { hint: t("faq.form.alternativesHint"), multiline: true })}
          {f("answerVi", t("faq.form.answer"), { hint: t("faq.form.answerHint", { max: FAQ_ANSWER_MAX }), multiline: true, maxlength: FAQ_ANSWER_MAX })}
        </fieldset>
        <fieldset lang="en">
          <legend>{t("faq.form.en")}</legend>
          {f("questionEn", t("faq.form.question"), { maxlength: 200 })}
          {f("alternativesEn", t("faq.form.alternatives"), { hint: t("faq.form.alternativesHint"), multiline: true })}
          {f("answerEn", t("faq.form.answer"), { hint: t("faq.form.answerHint", { max: FAQ_ANSWER_MAX }), multiline: true, maxlength: FAQ_ANSWER_MAX })}
        </fieldset>
      </div>
      {f("sourceTitle", t("faq.form.sourceTitle"), { hint: t("faq.form.sourceTitleHint"), maxlength: 200 })}
      {f("sourceRef", t("faq.form.sourceRef"), { hint: t("faq.form.sourceRefHint"), maxlength: 200 })}
      {f("topic", t("faq.form.topic"), { hint: t("faq.form.topicHint"), maxlength: 40 })}
      {f("service", t("faq.form.service"), { hint: t("faq.form.serviceHint"), list: "faq-services", maxlength: 80 })}
      <datalist id="faq-services">
        {knownFaqServices(props.deps.catalogue).map((s) => (
          <option value={s} />
        ))}
      </datalist>
      <button type="submit" class="button" data-testid="faq-save">{props.submit}</button>
    </form>
  );
}

function ErrorSummary(props: { c: ConsoleContext; errors: FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <Notice kind="error">
      <span data-testid="faq-error">{props.c.var.t("errors.invalid")}</span>
      <ul>
        {props.errors.map((e) => (
          <li>{fieldMessage(props.c, e).text}</li>
        ))}
      </ul>
    </Notice>
  );
}

function UnansweredTable(props: { c: ConsoleContext; groups: UnansweredGroup[]; entries: FaqEntryRow[] }) {
  const { c, groups } = props;
  const t = c.var.t;
  if (groups.length === 0) return <p class="muted" data-testid="faq-unanswered-none">{t("faq.unanswered.none")}</p>;
  return (
    <div class="table-wrap">
      <table data-testid="faq-unanswered">
        <thead>
          <tr>
            <th scope="col">{t("faq.unanswered.question")}</th>
            <th scope="col" class="num">{t("faq.unanswered.count")}</th>
            <th scope="col">{t("faq.unanswered.lastAt")}</th>
            <th scope="col">{t("faq.unanswered.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g, i) => (
            <tr data-testid="faq-unanswered-row" data-question-key={g.questionKey}>
              <td lang={g.language} class="faq-unanswered__question">{g.example}</td>
              <td class="num" data-testid="faq-unanswered-count">{g.count}</td>
              <td>{formatVietnamDateTime(g.lastAt)}</td>
              <td>
                <a class="button button--secondary" href={`/staff/faq/new?fromKey=${encodeURIComponent(g.questionKey)}`} data-testid="faq-unanswered-create">{t("faq.unanswered.create")}</a>
                <form method="post" action="/staff/faq/unanswered/attach" class="faq-attach">
                  <CsrfField c={c} />
                  <input type="hidden" name="questionKey" value={g.questionKey} />
                  <label for={`attach-${i}`}>{t("faq.unanswered.attachLabel")}</label>
                  <select id={`attach-${i}`} name="entryId" data-testid="faq-unanswered-entry">
                    <option value="">{t("faq.unanswered.choose")}</option>
                    {props.entries.map((e) => (
                      <option value={e.id}>{c.var.lang === "en" ? e.questionEn : e.questionVi}</option>
                    ))}
                  </select>
                  <button type="submit" class="button button--secondary" data-testid="faq-unanswered-attach">{t("faq.unanswered.attach")}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The list page: the entries found, the entries in force (to attach a question to) and the unanswered questions, loaded first. */
async function listPage(c: ConsoleContext, deps: ConsoleDeps, notice?: { kind: "success" | "error"; text: string }) {
  const q = (c.req.query("q") ?? "").slice(0, 200);
  const includeRetired = c.req.query("retired") === "1";
  const view = { q, includeRetired, entries: await listStaffFaqEntries(deps, { includeRetired, q }), active: await listStaffFaqEntries(deps), groups: await listUnansweredForStaff(deps, 50) };
  return listView(c, view, notice);
}

function listView(c: ConsoleContext, view: { q: string; includeRetired: boolean; entries: FaqEntryRow[]; active: FaqEntryRow[]; groups: UnansweredGroup[] }, notice?: { kind: "success" | "error"; text: string }) {
  const t = c.var.t;
  const { q, includeRetired, entries, active, groups } = view;
  return (
    <ConsolePage c={c} title={t("faq.title")} section="faq">
      <p>{t("faq.intro")}</p>
      {notice && (
        <Notice kind={notice.kind}>
          <span data-testid={notice.kind === "error" ? "faq-error" : "faq-saved"}>{notice.text}</span>
        </Notice>
      )}
      <h2>{t("faq.unanswered.title")}</h2>
      <p class="hint">{t("faq.unanswered.intro")}</p>
      <UnansweredTable c={c} groups={groups} entries={active} />

      <h2>{t("faq.entries.title")}</h2>
      <p class="actions">
        <a class="button" href="/staff/faq/new" data-testid="faq-add">{t("faq.entries.add")}</a>
      </p>
      <form method="get" action="/staff/faq" class="filters card" role="search">
        <div class="field">
          <label for="faq-q">{t("faq.entries.search")}</label>
          <input type="search" id="faq-q" name="q" value={q} data-testid="faq-search" />
        </div>
        <div class="field">
          <label class="faq-check">
            <input type="checkbox" name="retired" value="1" checked={includeRetired} /> {t("faq.entries.includeRetired")}
          </label>
        </div>
        <button type="submit" class="button button--secondary">{t("faq.entries.filter")}</button>
      </form>
      <p class="muted">{t("faq.entries.count", { count: entries.length })}</p>
      {entries.length === 0 ? (
        <p class="muted">{t("faq.entries.none")}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="faq-entries">
            <thead>
              <tr>
                <th scope="col">{t("faq.entries.question")}</th>
                <th scope="col">{t("faq.entries.topic")}</th>
                <th scope="col">{t("faq.entries.updated")}</th>
                <th scope="col">{t("faq.entries.status")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr data-testid="faq-entry-row" data-entry-id={e.id}>
                  <td>
                    <a href={`/staff/faq/${encodeURIComponent(e.id)}`} data-testid="faq-entry-link">{c.var.lang === "en" ? e.questionEn : e.questionVi}</a>
                  </td>
                  <td>{e.topic}</td>
                  <td>{e.origin === "builtin" && e.version === 1 ? <span class="muted">{t("faq.entries.builtin")}</span> : `${formatVietnamDateTime(e.updatedAt)}${e.updatedBy ? ` · ${e.updatedBy}` : ""}`}</td>
                  <td class="faq-status">{e.retiredAt ? <span class="pill pill--err">{t("faq.entries.retired")}</span> : <span class="pill pill--ok">{t("faq.entries.active")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsolePage>
  );
}

function newPage(c: ConsoleContext, deps: ConsoleDeps, state: FormState, group?: UnansweredGroup) {
  const t = c.var.t;
  return (
    <ConsolePage c={c} title={t("faq.form.newTitle")} section="faq">
      <p>
        <a href="/staff/faq">{t("faq.form.back")}</a>
      </p>
      {group && <Notice kind="info"><span data-testid="faq-from-question">{t("faq.form.fromQuestion", { question: group.example, count: group.count })}</span></Notice>}
      <ErrorSummary c={c} errors={state.errors} />
      <EntryForm c={c} deps={deps} state={state} action="/staff/faq/new" submit={t("faq.form.create")} />
    </ConsolePage>
  );
}

function editPage(c: ConsoleContext, deps: ConsoleDeps, row: FaqEntryRow, state: FormState, opts: { saved?: string; conflict?: boolean; resolved?: number } = {}) {
  const t = c.var.t;
  const lang = c.var.lang;
  const by = row.updatedBy ? t("faq.form.by", { name: row.updatedBy }) : "";
  return (
    <ConsolePage c={c} title={t("faq.form.editTitle", { question: lang === "en" ? row.questionEn : row.questionVi })} section="faq">
      <p>
        <a href="/staff/faq">{t("faq.form.back")}</a>
      </p>
      {opts.saved && (
        <Notice kind="success">
          <span data-testid="faq-saved">
            {t(`faq.saved.${opts.saved}`)}
            {opts.resolved ? ` ${t("faq.resolvedCount", { count: opts.resolved })}` : ""}
          </span>
        </Notice>
      )}
      {opts.conflict && (
        <Notice kind="error">
          <span data-testid="faq-conflict">{t("faq.form.conflict", { name: row.updatedBy ?? t("faq.form.conflictOther"), version: row.version })}</span>
        </Notice>
      )}
      {row.retiredAt && <Notice kind="info"><span data-testid="faq-retired">{t("faq.form.isRetired", { at: formatVietnamDateTime(row.retiredAt) })}</span></Notice>}
      <ErrorSummary c={c} errors={state.errors} />
      <p class="muted" data-testid="faq-version" data-version={String(row.version)}>
        {row.id} · {t("faq.form.version", { version: row.version, at: formatVietnamDateTime(row.updatedAt), by })}
      </p>
      {opts.conflict && (
        <section class="card" aria-labelledby="faq-current">
          <h2 id="faq-current">{t("faq.form.currentTitle")}</h2>
          <p lang="vi" data-testid="faq-current-vi">{row.answerVi}</p>
          <p lang="en">{row.answerEn}</p>
        </section>
      )}
      <EntryForm c={c} deps={deps} state={state} action={`/staff/faq/${encodeURIComponent(row.id)}`} submit={t("faq.form.save")} />
      <form method="post" action={`/staff/faq/${encodeURIComponent(row.id)}/${row.retiredAt ? "restore" : "retire"}`} class="card">
        <CsrfField c={c} />
        <input type="hidden" name="version" value={String(row.version)} />
        <h2>{row.retiredAt ? t("faq.form.restoreTitle") : t("faq.form.retireTitle")}</h2>
        {!row.retiredAt && <p class="hint">{t("faq.form.retireHint")}</p>}
        {row.retiredAt ? (
          <button type="submit" class="button button--secondary" data-testid="faq-restore">{t("faq.form.restore")}</button>
        ) : (
          <button type="submit" class="button button--danger" data-confirm={t("faq.form.retireConfirm")} data-testid="faq-retire">{t("faq.form.retire")}</button>
        )}
      </form>
    </ConsolePage>
  );
}

const fieldsOf = (err: unknown): FieldError[] | null => (err instanceof DomainError && err.code === "validation_failed" ? (err.fields ?? []) : null);
const isConflict = (err: unknown) => err instanceof DomainError && err.code === "faq_version_conflict";

export function faqPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get("/", async (c) => c.html(await listPage(c, deps)));

  // One step from an unanswered question to an entry: the form comes with the question as the entry's question.
  app.get("/new", async (c) => {
    const key = c.req.query("fromKey");
    const state: FormState = { values: emptyForm(), errors: [] };
    if (!key) return c.html(newPage(c, deps, state));
    const group = await readUnansweredGroup(deps, key);
    state.fromKey = key;
    state.values[group.language === "en" ? "questionEn" : "questionVi"] = group.example;
    return c.html(newPage(c, deps, state, group));
  });

  app.post("/new", async (c) => {
    const body = await c.req.parseBody();
    const values = formFromBody(body);
    const fromKey = typeof body.fromQuestionKey === "string" && body.fromQuestionKey ? body.fromQuestionKey : undefined;
    try {
      const input = parseFaqInput(faqEntryCreateSchema, { ...inputFromForm(values), ...(fromKey ? { fromQuestionKey: fromKey } : {}) });
      const r = await createStaffFaqEntry(deps, c.var.staff, input, c.var.requestId);
      return c.redirect(`/staff/faq/${encodeURIComponent(r.entry.id)}?saved=created&resolved=${r.resolved}`, 303);
    } catch (err) {
      const errors = fieldsOf(err);
      if (!errors) throw err;
      const state: FormState = { values, errors, ...(fromKey ? { fromKey } : {}) };
      return c.html(newPage(c, deps, state), 422);
    }
  });

  app.post("/unanswered/attach", async (c) => {
    const body = await c.req.parseBody();
    const questionKey = typeof body.questionKey === "string" ? body.questionKey : "";
    const entryId = typeof body.entryId === "string" ? body.entryId : "";
    if (!entryId) return c.html(await listPage(c, deps, { kind: "error", text: c.var.t("faq.errors.noEntry") }), 422);
    let attached: { entry: FaqEntryRow; resolved: number };
    try {
      // Adding a phrasing changes nothing anyone typed: it applies to the entry as it is now.
      const entry = await readStaffFaqEntry(deps, entryId);
      attached = await attachUnansweredToEntry(deps, c.var.staff, { questionKey, entryId, version: entry.version }, c.var.requestId);
    } catch (err) {
      if (err instanceof DomainError && err.code === "faq_entry_retired") return c.html(await listPage(c, deps, { kind: "error", text: c.var.t("faq.errors.retiredEntry") }), 409);
      if (err instanceof DomainError && err.status === 404) return c.html(await listPage(c, deps, { kind: "error", text: c.var.t("faq.errors.goneQuestion") }), 404);
      throw err;
    }
    const question = c.var.lang === "en" ? attached.entry.questionEn : attached.entry.questionVi;
    return c.html(await listPage(c, deps, { kind: "success", text: c.var.t("faq.saved.attached", { question, count: attached.resolved }) }));
  });

  app.get("/:id", async (c) => {
    const row = await readStaffFaqEntry(deps, c.req.param("id"));
    const saved = c.req.query("saved");
    const resolved = Number(c.req.query("resolved") ?? 0) || 0;
    return c.html(editPage(c, deps, row, { values: formFromRow(row), errors: [], version: row.version }, { ...(saved && /^(created|updated|retired|restored)$/.test(saved) ? { saved } : {}), resolved }));
  });

  app.post("/:id", async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const values = formFromBody(body);
    try {
      const input = parseFaqInput(faqEntryUpdateSchema, { ...inputFromForm(values), version: body.version });
      await updateStaffFaqEntry(deps, c.var.staff, id, input, c.var.requestId);
      return c.redirect(`/staff/faq/${encodeURIComponent(id)}?saved=updated`, 303);
    } catch (err) {
      const errors = fieldsOf(err);
      const row = await readStaffFaqEntry(deps, id);
      if (errors) return c.html(editPage(c, deps, row, { values, errors, version: Number(body.version) || row.version }), 422);
      // Someone saved meanwhile: keep what this officer typed, show theirs, and let them decide.
      if (isConflict(err)) return c.html(editPage(c, deps, row, { values, errors: [], version: row.version }, { conflict: true }), 409);
      throw err;
    }
  });

  for (const action of ["retire", "restore"] as const) {
    app.post(`/:id/${action}`, async (c) => {
      const id = c.req.param("id");
      const body = await c.req.parseBody();
      try {
        await setStaffFaqEntryRetired(deps, c.var.staff, id, { version: Number(body.version), retired: action === "retire" }, c.var.requestId);
      } catch (err) {
        if (!isConflict(err)) throw err;
        const row = await readStaffFaqEntry(deps, id);
        return c.html(editPage(c, deps, row, { values: formFromRow(row), errors: [], version: row.version }, { conflict: true }), 409);
      }
      return c.redirect(`/staff/faq/${encodeURIComponent(id)}?saved=${action === "retire" ? "retired" : "restored"}`, 303);
    });
  }
  return app;
}
