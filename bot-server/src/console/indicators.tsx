/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's indicators area: the plans' evaluation set for a period, a service, an agency and
 * a ward, each as an inline SVG chart with the same figures in a table beside it, and a CSV per
 * indicator. Aggregates only, so viewing writes no audit entry; an export does (indicators-csv.ts).
 */
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { wardList } from "../services/reference/wards.js";
import { indicatorExportQuerySchema, indicatorQuerySchema, ratingCommentsQuerySchema, serviceByKey, share, type IndicatorReport, type Language, type RatingComments } from "@hccd/shared";
import { listRatingComments, mayReadRatingComments } from "../services/indicators/rating-comments.js";
import { DomainError } from "../errors.js";
import { indicatorAgencies, indicatorReport } from "../services/indicators/indicators.js";
import { exportIndicatorCsv } from "../services/indicators/indicators-csv.js";
import { vnDate } from "../services/delivery/notifications.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatDuration, formatVietnamDateTime } from "./format.js";
import { ConsolePage, Notice } from "./layout.js";

type Filter = "period" | "service" | "agency" | "ward";

export function indicatorPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();

  /** The page with why the filters are refused (422): the form's own check, or the service's (an unknown ward…). */
  const refused = async (c: ConsoleContext, errors: { path: string; message: string }[]) => c.html(page(c, deps, { errors, wards: await wardList(deps.db) }), 422);
  const filterRefusal = (err: unknown) => (err instanceof DomainError && err.status === 422 ? (err.fields ?? []) : null);

  app.get("/", async (c) => {
    const parsed = indicatorQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return refused(c, parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    let report: IndicatorReport;
    let comments: RatingComments | null = null;
    try {
      report = await indicatorReport(deps, c.var.staff, parsed.data);
      // The comments' own page (`commentsPage`), bounded by their schema; a wrong one shows the first.
      const page = ratingCommentsQuerySchema.shape.page.safeParse(c.req.query("commentsPage"));
      if (mayReadRatingComments(c.var.staff)) comments = await listRatingComments(deps, c.var.staff, { ...parsed.data, page: page.success ? page.data : 1 }, { requestId: c.var.requestId });
    } catch (err) {
      const errors = filterRefusal(err);
      if (!errors) throw err;
      return refused(c, errors);
    }
    return c.html(page(c, deps, { report, comments, wards: await wardList(deps.db) }));
  });

  app.get("/export", async (c) => {
    const parsed = indicatorExportQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return refused(c, parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    let file: { fileName: string; body: string };
    try {
      file = await exportIndicatorCsv(deps, c.var.staff, parsed.data, parsed.data.indicator, { lang: c.var.lang, requestId: c.var.requestId });
    } catch (err) {
      const errors = filterRefusal(err);
      if (!errors) throw err;
      return refused(c, errors);
    }
    return c.body(file.body, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file.fileName}"` });
  });
  return app;
}

const locale = (lang: Language) => (lang === "vi" ? "vi-VN" : "en-GB");
function pct(x: number | null, lang: Language): string {
  return x === null ? "—" : new Intl.NumberFormat(locale(lang), { style: "percent", maximumFractionDigits: 1 }).format(x);
}
const int = (n: number, lang: Language) => new Intl.NumberFormat(locale(lang)).format(n);

function page(c: ConsoleContext, deps: ConsoleDeps, r: { report?: IndicatorReport; comments?: RatingComments | null; errors?: { path: string; message: string }[]; wards: { code: string; name: string }[] }) {
  const t = c.var.t;
  const wards = r.wards;
  const wardName = (code: string | null) => (code ? (wards.find((w) => w.code === code)?.name ?? code) : null);
  const report = r.report;
  const query = new URLSearchParams(Object.entries(c.req.query()).filter(([k, v]) => ["from", "to", "service", "agency", "ward"].includes(k) && v !== ""));
  const exportHref = (indicator: string) => `/staff/indicators/export?${new URLSearchParams([...query, ["indicator", indicator]])}`;
  return (
    <ConsolePage c={c} title={t("indicators.title")} section="indicators">
      <p>{t("indicators.intro")}</p>
      {r.errors && (
        <Notice kind="error">
          <span data-testid="indicator-errors">
            {t("indicators.filters.invalid")} {r.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}
          </span>
        </Notice>
      )}
      <FilterForm c={c} deps={deps} report={report} wards={wards} />
      {report && (
        <>
          <p data-testid="indicator-period">
            <strong>{t("indicators.period", { from: vnDate(report.filters.from), to: vnDate(report.filters.to) })}</strong>
            {report.filters.ward && ` · ${wardName(report.filters.ward)}`}
          </p>
          <RemindersCard c={c} report={report} exportHref={exportHref("reminders")} />
          <BirthsRemindedCard c={c} report={report} exportHref={exportHref("birthsReminded")} />
          <FunnelCard c={c} report={report} exportHref={exportHref("funnel")} />
          <NoticeToConsentCard c={c} report={report} exportHref={exportHref("noticeToConsent")} />
          <DraftToSubmissionCard c={c} report={report} exportHref={exportHref("draftToSubmission")} />
          <ProcessingTimeCard c={c} report={report} exportHref={exportHref("processingTime")} />
          <CitizenSourcesCard c={c} report={report} exportHref={exportHref("citizenSources")} />
          <SatisfactionCard c={c} report={report} exportHref={exportHref("satisfaction")} />
          <CommentsCard c={c} comments={r.comments ?? null} query={query} />
          <FaqCard c={c} report={report} exportHref={exportHref("faq")} />
          <HandoverCard c={c} report={report} exportHref={exportHref("handover")} />
          <DeliveryCard c={c} report={report} exportHref={exportHref("delivery")} />
        </>
      )}
    </ConsolePage>
  );
}

function FilterForm(props: { c: ConsoleContext; deps: ConsoleDeps; report: IndicatorReport | undefined; wards: { code: string; name: string }[] }) {
  const { c, deps, report } = props;
  const t = c.var.t;
  const staff = c.var.staff;
  const q = c.req.query();
  const f = report?.filters;
  const agencyFixed = staff.role === "department";
  const wardFixed = staff.role === "ward_officer";
  const agency = agencyFixed ? staff.agency : (f?.agency ?? q.agency ?? "");
  const services = deps.catalogue.keys().filter((k) => !agency || deps.catalogue.agency?.(k) === agency);
  const ward = wardFixed ? staff.wardCode : (f?.ward ?? q.ward ?? "");
  const wardLabel = props.wards.find((w) => w.code === staff.wardCode)?.name ?? staff.wardCode ?? "";
  return (
    <form method="get" action="/staff/indicators" class="card filters" data-testid="indicator-filters">
      <fieldset>
        <legend>{t("indicators.filters.legend")}</legend>
        <div class="field">
          <label for="f-from">{t("indicators.filters.from")}</label>
          <input type="date" id="f-from" name="from" value={f?.from ?? q.from ?? ""} />
        </div>
        <div class="field">
          <label for="f-to">{t("indicators.filters.to")}</label>
          <input type="date" id="f-to" name="to" value={f?.to ?? q.to ?? ""} />
        </div>
        <div class="field">
          <label for="f-agency">{t("indicators.filters.agency")}</label>
          <select id="f-agency" name="agency" disabled={agencyFixed} aria-describedby={agencyFixed ? "f-agency-hint" : undefined} data-testid="filter-agency">
            <option value="">{t("indicators.filters.all")}</option>
            {(agencyFixed && staff.agency ? [staff.agency] : indicatorAgencies(deps.catalogue)).map((a) => (
              <option value={a} selected={a === agency}>
                {a}
              </option>
            ))}
          </select>
          {agencyFixed && (
            <p class="hint" id="f-agency-hint" data-testid="agency-fixed">
              {t("indicators.filters.fixedAgency", { agency: staff.agency ?? "—" })}
            </p>
          )}
        </div>
        <div class="field">
          <label for="f-service">{t("indicators.filters.service")}</label>
          <select id="f-service" name="service" data-testid="filter-service">
            <option value="">{t("indicators.filters.all")}</option>
            {services.map((k) => (
              <option value={k} selected={k === (f?.service ?? q.service)}>
                {serviceByKey(k)?.name[c.var.lang] ?? k}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-ward">{t("indicators.filters.ward")}</label>
          <select id="f-ward" name="ward" disabled={wardFixed} aria-describedby={wardFixed ? "f-ward-hint" : undefined} data-testid="filter-ward">
            <option value="">{t("indicators.filters.all")}</option>
            {(wardFixed ? props.wards.filter((w) => w.code === staff.wardCode) : props.wards).map((w) => (
              <option value={w.code} selected={w.code === ward}>
                {w.name}
              </option>
            ))}
          </select>
          {wardFixed && (
            <p class="hint" id="f-ward-hint" data-testid="ward-fixed">
              {t("indicators.filters.fixedWard", { ward: wardLabel })}
            </p>
          )}
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" data-testid="filter-apply">
          {t("indicators.filters.apply")}
        </button>
        <a class="button button--secondary" href="/staff/indicators">
          {t("indicators.filters.reset")}
        </a>
      </div>
    </form>
  );
}

/** An indicator's frame: heading, which filters apply, the chart, its table, the definition and the CSV link. */
function IndicatorCard(props: { c: ConsoleContext; id: string; title: string; appliesTo: readonly Filter[]; exportHref: string; children: Child }) {
  const t = props.c.var.t;
  const names = props.appliesTo.map((f) => t(`indicators.filters.names.${f}`)).join(", ");
  return (
    <section class="card indicator" aria-labelledby={`${props.id}-title`} data-testid={`indicator-${props.id}`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p class="muted">{t("indicators.filters.appliesTo", { filters: names })}</p>
      {props.children}
      <p>
        <a href={props.exportHref} class="button button--secondary" download data-testid={`export-${props.id}`}>
          {t("indicators.downloadCsv")}
        </a>
      </p>
    </section>
  );
}

/**
 * Horizontal bars (share 0–1 or a count against `max`), an optional dashed target line, the value
 * written after each bar. The words are HTML, at the page's own size and wrapping on a phone; each
 * bar is a small SVG whose length is a percentage of its track: a chart drawn as one scaled SVG
 * shrank its 12 px labels to 6 px at 390 px. `role="img"` with its name: the table under it
 * carries the same figures.
 */
function HBarChart(props: { id: string; label: string; rows: { label: string; value: number | null; text: string; fill?: string }[]; max: number; target?: { value: number; label: string } }) {
  const share = (v: number) => (props.max > 0 ? Math.min(Math.max(v, 0), props.max) / props.max : 0);
  const percent = (v: number) => `${(share(v) * 100).toFixed(2)}%`;
  return (
    <div class="chart hbars" role="img" aria-label={props.label} data-testid={`chart-${props.id}`}>
      {props.rows.map((r) => (
        <div class="hbars__row">
          <span class="hbars__label" data-chart-text>{r.label}</span>
          <svg class="hbars__track" width="100%" height="18" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width="100%" height="18" fill="#eef1f5" />
            {r.value !== null && <rect x="0" y="0" width={percent(r.value)} height="18" fill={r.fill ?? "#1a56a8"} />}
            {props.target && <line x1={percent(props.target.value)} x2={percent(props.target.value)} y1="0" y2="18" stroke="#b3261e" stroke-width="2" stroke-dasharray="4 3" />}
          </svg>
          <span class="hbars__value" data-chart-text>{r.text}</span>
        </div>
      ))}
      {props.target && (
        <p class="hbars__legend">
          <svg width="14" height="18" aria-hidden="true" focusable="false"><line x1="7" x2="7" y1="0" y2="18" stroke="#b3261e" stroke-width="2" stroke-dasharray="4 3" /></svg>
          <span data-chart-text>{props.target.label}</span>
        </p>
      )}
    </div>
  );
}

function Table(props: { caption: string; head: string[]; rows: (string | number)[][]; testId: string }) {
  return (
    <div class="table-wrap">
      <table data-testid={props.testId}>
        <caption class="muted">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th scope="col" class={i > 0 ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              {r.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class="num">{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RemindersCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const r = report.reminders;
  const name = (k: string) => serviceByKey(k)?.name[lang] ?? k;
  const cols = ["due", "onTime", "sentLate", "waiting", "missed", "failed", "unreachable", "optedOut", "cancelled"] as const;
  const lines = [...r.byService.map((s) => ({ label: name(s.service), c: s })), { label: t("indicators.total"), c: r.total }];
  return (
    <IndicatorCard c={c} id="reminders" title={t("indicators.reminders.title")} appliesTo={r.appliesTo} exportHref={props.exportHref}>
      <p data-testid="reminders-summary">
        <strong>{t("indicators.reminders.summary", { onTime: int(r.total.onTime, lang), counted: int(r.total.counted, lang), share: pct(r.total.onTimeShare, lang) })}</strong>{" "}
        <span class={`pill ${r.total.onTimeShare === null ? "" : r.total.onTimeShare >= r.target ? "pill--ok" : "pill--warn"}`}>{t("indicators.target", { value: pct(r.target, lang) })}</span>
      </p>
      {r.total.due === 0 ? (
        <p class="muted">{t("indicators.noData")}</p>
      ) : (
        <HBarChart
          id="reminders"
          label={t("indicators.reminders.chartLabel")}
          max={1}
          rows={lines.map((l) => ({ label: l.label, value: l.c.onTimeShare, text: pct(l.c.onTimeShare, lang) }))}
          target={{ value: r.target, label: t("indicators.targetLine", { value: pct(r.target, lang) }) }}
        />
      )}
      <Table
        testId="reminders-table"
        caption={t("indicators.tableCaption")}
        head={[t("indicators.reminders.columns.service"), ...cols.map((k) => t(`indicators.reminders.columns.${k}`)), t("indicators.reminders.columns.onTimeShare")]}
        rows={lines.map((l) => [l.label, ...cols.map((k) => int(l.c[k], lang)), pct(l.c.onTimeShare, lang)])}
      />
      <p class="hint">{t("indicators.reminders.definition")}</p>
      <p class="hint">{t("indicators.source", { source: t("indicators.reminders.source") })}</p>
    </IndicatorCard>
  );
}

function FunnelCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const steps = report.funnel.steps;
  const prepared = steps.find((s) => s.step === "prepared")?.count ?? 0;
  return (
    <IndicatorCard c={c} id="funnel" title={t("indicators.funnel.title")} appliesTo={report.funnel.appliesTo} exportHref={props.exportHref}>
      {prepared === 0 ? (
        <p class="muted">{t("indicators.noData")}</p>
      ) : (
        <HBarChart
          id="funnel"
          label={t("indicators.funnel.chartLabel")}
          max={prepared}
          rows={steps.map((s) => ({ label: t(`indicators.funnel.steps.${s.step}`), value: s.count, text: int(s.count, lang) }))}
        />
      )}
      <Table
        testId="funnel-table"
        caption={t("indicators.tableCaption")}
        head={[t("indicators.funnel.columns.step"), t("indicators.funnel.columns.count"), t("indicators.share")]}
        rows={steps.map((s) => [t(`indicators.funnel.steps.${s.step}`), int(s.count, lang), pct(share(s.count, prepared), lang)])}
      />
      <p class="hint" data-testid="funnel-opened-definition">
        {t("indicators.funnel.openedDefinition")}
      </p>
    </IndicatorCard>
  );
}

function NoticeToConsentCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const n = report.noticeToConsent;
  return (
    <IndicatorCard c={c} id="noticeToConsent" title={t("indicators.noticeToConsent.title")} appliesTo={n.appliesTo} exportHref={props.exportHref}>
      <p data-testid="notice-to-consent-summary">
        <strong>{n.medianMs === null ? t("indicators.noData") : t("indicators.noticeToConsent.summary", { median: formatDuration(n.medianMs, c.var.lang), count: n.drafts })}</strong>
      </p>
      <p class="hint">{t("indicators.noticeToConsent.definition")}</p>
    </IndicatorCard>
  );
}

function SatisfactionCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const s = report.satisfaction;
  return (
    <IndicatorCard c={c} id="satisfaction" title={t("indicators.satisfaction.title")} appliesTo={s.appliesTo} exportHref={props.exportHref}>
      <p data-testid="satisfaction-summary">
        <strong>{t("indicators.satisfaction.summary", { satisfied: int(s.satisfied, lang), ratings: int(s.ratings, lang), share: pct(s.share, lang) })}</strong>{" "}
        <span class={`pill ${s.share === null ? "" : s.share >= s.target ? "pill--ok" : "pill--warn"}`}>{t("indicators.target", { value: pct(s.target, lang) })}</span>
      </p>
      {s.ratings === 0 ? (
        <p class="muted">{t("indicators.noData")}</p>
      ) : (
        <HBarChart
          id="satisfaction"
          label={t("indicators.satisfaction.chartLabel")}
          max={1}
          rows={[
            { label: t("indicators.satisfaction.columns.share"), value: s.share, text: pct(s.share, lang) },
            ...[...s.byScore].reverse().map((b) => ({ label: t("indicators.satisfaction.score", { score: b.score }), value: b.count / s.ratings, text: int(b.count, lang) })),
          ]}
          target={{ value: s.target, label: t("indicators.targetLine", { value: pct(s.target, lang) }) }}
        />
      )}
      <Table
        testId="satisfaction-table"
        caption={t("indicators.tableCaption")}
        head={[t("indicators.satisfaction.columns.score"), t("indicators.satisfaction.columns.count"), t("indicators.share")]}
        rows={[...s.byScore].reverse().map((b) => [t("indicators.satisfaction.score", { score: b.score }), int(b.count, lang), s.ratings ? pct(b.count / s.ratings, lang) : "—"])}
      />
      <p class="hint">{t("indicators.satisfaction.definition")}</p>
      <p class="hint">{t("indicators.source", { source: t("indicators.satisfaction.source") })}</p>
    </IndicatorCard>
  );
}

function FaqCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const q = report.faq;
  return (
    <IndicatorCard c={c} id="faq" title={t("indicators.faq.title")} appliesTo={q.appliesTo} exportHref={props.exportHref}>
      <p data-testid="faq-summary">
        <strong>{t("indicators.faq.summary", { answered: int(q.answered, lang), asked: int(q.asked, lang), share: pct(q.answeredShare, lang) })}</strong>{" "}
        <span data-testid="faq-person-requests">{t("indicators.faq.personRequests", { count: int(q.personRequests, lang) })}</span>
      </p>
      {q.asked === 0 ? (
        <p class="muted">{t("indicators.noData")}</p>
      ) : (
        <HBarChart
          id="faq"
          label={t("indicators.faq.chartLabel")}
          max={1}
          rows={[
            ...q.byChannel.filter((r) => r.asked > 0).map((r) => ({ label: t(`indicators.faq.channels.${r.channel}`), value: r.answeredShare, text: pct(r.answeredShare, lang) })),
            { label: t("indicators.total"), value: q.answeredShare, text: pct(q.answeredShare, lang) },
          ]}
        />
      )}
      <Table
        testId="faq-table"
        caption={t("indicators.tableCaption")}
        head={[
          t("indicators.faq.columns.channel"),
          t("indicators.faq.columns.asked"),
          t("indicators.faq.columns.answered"),
          t("indicators.faq.columns.answeredShare"),
          t("indicators.faq.columns.personRequests"),
          t("indicators.faq.columns.unanswered"),
          t("indicators.faq.columns.distinct"),
          t("indicators.faq.columns.resolved"),
        ]}
        rows={[
          ...q.byChannel.map((r) => [t(`indicators.faq.channels.${r.channel}`), int(r.asked, lang), int(r.answered, lang), pct(r.answeredShare, lang), int(r.personRequests, lang), int(r.logged, lang), int(r.distinct, lang), int(r.resolved, lang)]),
          [t("indicators.total"), int(q.asked, lang), int(q.answered, lang), pct(q.answeredShare, lang), int(q.personRequests, lang), int(q.unanswered, lang), int(q.distinctUnanswered, lang), int(q.resolvedByStaff, lang)],
        ]}
      />
      <p class="hint" data-testid="faq-definition">
        {t("indicators.faq.definition")}
      </p>
      <p class="hint" data-testid="faq-person-requests-definition">
        {t("indicators.faq.personRequestsDefinition")}
      </p>
    </IndicatorCard>
  );
}

function HandoverCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const h = report.handover;
  const dur = (ms: number | null) => (ms === null ? "—" : formatDuration(ms, lang));
  return (
    <IndicatorCard c={c} id="handover" title={t("indicators.handover.title")} appliesTo={h.appliesTo} exportHref={props.exportHref}>
      <p data-testid="handover-summary">
        <strong>{h.opened === 0 ? t("indicators.noData") : t("indicators.handover.summary", { within: int(h.withinTarget, lang), share: pct(h.withinTargetShare, lang), median: dur(h.medianMs), working: dur(h.medianWorkingMs) })}</strong>
      </p>
      <Table
        testId="handover-table"
        caption={t("indicators.tableCaption")}
        head={[t("indicators.csv.metric"), t("indicators.csv.value")]}
        rows={[
          [t("indicators.handover.columns.opened"), int(h.opened, lang)],
          [t("indicators.handover.columns.answered"), int(h.answered, lang)],
          [t("indicators.handover.columns.unanswered"), int(h.unanswered, lang)],
          [t("indicators.handover.columns.withinTarget"), int(h.withinTarget, lang)],
          [t("indicators.handover.columns.withinTargetShare"), pct(h.withinTargetShare, lang)],
        ]}
      />
      <p class="hint">{t("indicators.handover.definition")}</p>
    </IndicatorCard>
  );
}

const SERIES = [
  { key: "sent", fill: "#1a56a8" },
  { key: "delivered", fill: "#1e7e34" },
  { key: "failed", fill: "#b3261e" },
] as const;

function DeliveryCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const d = report.delivery;
  const max = Math.max(0, ...d.channels.flatMap((ch) => SERIES.map((s) => ch[s.key])));
  const cols = ["queued", "sent", "delivered", "failed", "cancelled"] as const;
  return (
    <IndicatorCard c={c} id="delivery" title={t("indicators.delivery.title")} appliesTo={d.appliesTo} exportHref={props.exportHref}>
      {max === 0 ? (
        <p class="muted">{t("indicators.noData")}</p>
      ) : (
        <HBarChart
          id="delivery"
          label={t("indicators.delivery.chartLabel")}
          max={max}
          rows={d.channels.flatMap((ch) => SERIES.map((s) => ({ label: `${t(`indicators.delivery.channels.${ch.channel}`)}: ${t(`indicators.delivery.columns.${s.key}`)}`, value: ch[s.key], text: int(ch[s.key], lang), fill: s.fill })))}
        />
      )}
      <Table
        testId="delivery-table"
        caption={t("indicators.tableCaption")}
        head={[t("indicators.delivery.columns.channel"), ...cols.map((k) => t(`indicators.delivery.columns.${k}`))]}
        rows={d.channels.map((ch) => [t(`indicators.delivery.channels.${ch.channel}`), ...cols.map((k) => int(ch[k], lang))])}
      />
      {(report.filters.service || report.filters.agency) && <p class="hint">{t("indicators.delivery.note")}</p>}
    </IndicatorCard>
  );
}

function BirthsRemindedCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const b = report.birthsReminded;
  return (
    <IndicatorCard c={c} id="birthsReminded" title={t("indicators.birthsReminded.title")} appliesTo={b.appliesTo} exportHref={props.exportHref}>
      <p data-testid="births-reminded-summary">
        <strong>{t("indicators.birthsReminded.summary", { onTime: int(b.onTime, lang), births: int(b.births, lang), share: pct(b.share, lang) })}</strong>{" "}
        <span class={`pill ${b.share === null ? "" : b.share >= b.target ? "pill--ok" : "pill--warn"}`}>{t("indicators.target", { value: pct(b.target, lang) })}</span>
      </p>
      {b.births === 0 ? (
        <p class="muted">{t("indicators.noData")}</p>
      ) : (
        <HBarChart id="birthsReminded" label={t("indicators.birthsReminded.chartLabel")} max={b.births} rows={b.byOutcome.map((o) => ({ label: t(`indicators.birthsReminded.outcomes.${o.outcome}`), value: o.count, text: int(o.count, lang) }))} />
      )}
      <Table
        testId="births-reminded-table"
        caption={t("indicators.tableCaption")}
        head={[t("indicators.csv.metric"), t("indicators.count"), t("indicators.share")]}
        rows={[...b.byOutcome.map((o) => [t(`indicators.birthsReminded.outcomes.${o.outcome}`), int(o.count, lang), pct(share(o.count, b.births), lang)]), [t("indicators.birthsReminded.columns.births"), int(b.births, lang), pct(b.births ? 1 : null, lang)]]}
      />
      <p class="hint" data-testid="births-reminded-definition">{t("indicators.birthsReminded.definition")}</p>
      <p class="hint">{t("indicators.source", { source: t("indicators.birthsReminded.source") })}</p>
    </IndicatorCard>
  );
}

function DraftToSubmissionCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const d = report.draftToSubmission;
  const dur = (ms: number | null) => (ms === null ? "—" : formatDuration(ms, lang));
  return (
    <IndicatorCard c={c} id="draftToSubmission" title={t("indicators.draftToSubmission.title")} appliesTo={d.appliesTo} exportHref={props.exportHref}>
      <p data-testid="draft-to-submission-summary">
        <strong>{d.drafts === 0 ? t("indicators.noData") : t("indicators.draftToSubmission.summary", { mean: dur(d.meanMs), median: dur(d.medianMs), p90: dur(d.p90Ms), count: d.drafts })}</strong>{" "}
        <span class={`pill ${d.meanMs === null ? "" : d.meanMs < d.targetMs ? "pill--ok" : "pill--warn"}`} data-testid="draft-to-submission-target">{t("indicators.draftToSubmission.target", { value: formatDuration(d.targetMs, lang) })}</span>
      </p>
      <p class="hint">{t("indicators.draftToSubmission.definition")}</p>
      <p class="hint">{t("indicators.source", { source: t("indicators.draftToSubmission.source") })}</p>
    </IndicatorCard>
  );
}

function ProcessingTimeCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const p = report.processingTime;
  const dur = (ms: number | null) => (ms === null ? "—" : formatDuration(ms, lang));
  const name = (k: string) => serviceByKey(k)?.name[lang] ?? k;
  return (
    <IndicatorCard c={c} id="processingTime" title={t("indicators.processingTime.title")} appliesTo={p.appliesTo} exportHref={props.exportHref}>
      <p data-testid="processing-time-summary">
        <strong>{p.total.cases === 0 ? t("indicators.noData") : t("indicators.processingTime.summary", { median: dur(p.total.medianMs), p90: dur(p.total.p90Ms), count: p.total.cases })}</strong>
      </p>
      {p.byService.length > 0 && (
        <Table
          testId="processing-time-table"
          caption={t("indicators.tableCaption")}
          head={[t("indicators.processingTime.columns.service"), t("indicators.processingTime.columns.cases"), t("indicators.processingTime.columns.completed"), t("indicators.processingTime.columns.rejected"), t("indicators.processingTime.columns.medianHours"), t("indicators.processingTime.columns.p90Hours")]}
          rows={p.byService.map((s) => [name(s.service), int(s.cases, lang), int(s.completed, lang), int(s.rejected, lang), dur(s.medianMs), dur(s.p90Ms)])}
        />
      )}
      <p class="hint">{t("indicators.processingTime.definition")}</p>
    </IndicatorCard>
  );
}

function CitizenSourcesCard(props: { c: ConsoleContext; report: IndicatorReport; exportHref: string }) {
  const { c, report } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const sources = report.citizenSources.sources;
  const max = Math.max(0, ...sources.map((s) => s.people));
  return (
    <IndicatorCard c={c} id="citizenSources" title={t("indicators.citizenSources.title")} appliesTo={report.citizenSources.appliesTo} exportHref={props.exportHref}>
      {max === 0 ? (
        <p class="muted">{t("indicators.noData")}</p>
      ) : (
        <HBarChart id="citizenSources" label={t("indicators.citizenSources.chartLabel")} max={max} rows={sources.map((s) => ({ label: t(`indicators.citizenSources.sources.${s.source}`), value: s.people, text: int(s.people, lang) }))} />
      )}
      <Table
        testId="citizen-sources-table"
        caption={t("indicators.tableCaption")}
        head={[t("indicators.citizenSources.columns.source"), t("indicators.citizenSources.columns.people")]}
        rows={sources.map((s) => [t(`indicators.citizenSources.sources.${s.source}`), int(s.people, lang)])}
      />
      <p class="hint">{t("indicators.citizenSources.definition")}</p>
    </IndicatorCard>
  );
}

/** The citizens' comments: not an aggregate, so not exported; shown to the roles that may read them, each page audited. */
function CommentsCard(props: { c: ConsoleContext; comments: RatingComments | null; query: URLSearchParams }) {
  const { c, comments } = props;
  const t = c.var.t;
  const lang = c.var.lang;
  const pageHref = (n: number) => `/staff/indicators?${new URLSearchParams([...props.query, ["commentsPage", String(n)]])}#comments-title`;
  return (
    <section class="card indicator" aria-labelledby="comments-title" data-testid="indicator-comments">
      <h2 id="comments-title">{t("indicators.comments.title")}</h2>
      {!comments ? (
        <p class="muted" data-testid="comments-not-for-role">{t("indicators.comments.notForRole")}</p>
      ) : comments.comments.length === 0 ? (
        <p class="muted" data-testid="comments-none">{t("indicators.comments.none")}</p>
      ) : (
        <>
          <p class="hint">{t("indicators.comments.intro")} {t("indicators.comments.total", { count: comments.total })}</p>
          <ol data-testid="comments-list">
            {comments.comments.map((x) => (
              <li data-testid="comment">
                <span class="muted">{t("indicators.comments.entry", { date: formatVietnamDateTime(new Date(x.at)), score: x.score, service: serviceByKey(x.service)?.name[lang] ?? x.service })}</span>
                <br />
                <span class="handover-text">{x.comment}</span>
              </li>
            ))}
          </ol>
          <p>
            {comments.page > 1 && <a href={pageHref(comments.page - 1)}>{t("indicators.comments.newer")}</a>}{" "}
            {comments.page * comments.pageSize < comments.total && <a href={pageHref(comments.page + 1)} data-testid="comments-older">{t("indicators.comments.older")}</a>}
          </p>
        </>
      )}
    </section>
  );
}
