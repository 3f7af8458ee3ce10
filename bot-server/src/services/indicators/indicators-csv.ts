/**
 * The indicators as CSV files, one per indicator, for staff to open in Excel (UTF-8 with a BOM,
 * CRLF, RFC 4180 quoting: `csv-file.ts`, shared with the other exports). Every row repeats the
 * filters, so a file says on its own what it counts.
 */
import { getWard, type StaffUser } from "@hccd/db";
import { i18nFor, serviceByKey, type IndicatorKey, type IndicatorQuery, type IndicatorReport, type Language } from "@hccd/shared";
import { audit } from "../staff/audit.js";
import { csvDocument } from "../spreadsheets/csv-file.js";
import { indicatorReport, type IndicatorDeps } from "./indicators.js";

type CsvCell = string | number | null;

/** A share as a percentage with one decimal, written the way the staff member's Excel reads numbers (`95,5` in Vietnamese). */
function percent(x: number | null, lang: Language): string | null {
  if (x === null) return null;
  const s = (Math.round(x * 1000) / 10).toFixed(1);
  return lang === "vi" ? s.replace(".", ",") : s;
}

const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 60_000));
/** A duration in `unitMs` with one decimal, written as the staff member's Excel reads numbers (`4,5` in Vietnamese). */
function oneDecimal(ms: number | null, unitMs: number, lang: Language): string | null {
  if (ms === null) return null;
  const s = (Math.round((ms / unitMs) * 10) / 10).toFixed(1);
  return lang === "vi" ? s.replace(".", ",") : s;
}
/** Minutes (a draft is filed in minutes, not hours). */
const minutesOneDecimal = (ms: number | null, lang: Language) => oneDecimal(ms, 60_000, lang);

/** The rows of one indicator's file, header first. */
export function indicatorCsvRows(report: IndicatorReport, indicator: IndicatorKey, lang: Language, wardName: string | null): CsvCell[][] {
  const t = i18nFor(lang).getFixedT(lang, "staff");
  const k = (key: string, opts?: Record<string, unknown>) => t(`indicators.${key}`, opts);
  const f = report.filters;
  const all = k("csv.all");
  const serviceName = (key: string) => serviceByKey(key)?.name[lang] ?? key;
  const filterHead = [k("filters.from"), k("filters.to"), k("filters.service"), k("filters.agency"), k("filters.ward")];
  const filterCells: CsvCell[] = [f.from, f.to, f.service ? serviceName(f.service) : all, f.agency ?? all, f.ward ? (wardName ?? f.ward) : all];
  const table = (head: string[], rows: CsvCell[][]): CsvCell[][] => [[...filterHead, ...head], ...rows.map((r) => [...filterCells, ...r])];
  const metricRows = (rows: [string, CsvCell][]) => table([k("csv.metric"), k("csv.value")], rows);

  switch (indicator) {
    case "reminders": {
      const cols = ["due", "onTime", "sentLate", "waiting", "missed", "failed", "unreachable", "optedOut", "cancelled", "counted"] as const;
      const line = (name: string, c: IndicatorReport["reminders"]["total"]): CsvCell[] => [name, ...cols.map((col) => c[col]), percent(c.onTimeShare, lang), percent(report.reminders.target, lang)];
      return table(
        [k("reminders.columns.service"), ...cols.map((col) => k(`reminders.columns.${col}`)), k("reminders.columns.onTimeShare"), k("reminders.columns.target")],
        [...report.reminders.byService.map((s) => line(serviceName(s.service), s)), line(k("total"), report.reminders.total)],
      );
    }
    case "funnel":
      return table([k("funnel.columns.step"), k("funnel.columns.count")], report.funnel.steps.map((s) => [k(`funnel.steps.${s.step}`), s.count]));
    case "noticeToConsent":
      return table([k("noticeToConsent.columns.drafts"), k("noticeToConsent.columns.medianMinutes")], [[report.noticeToConsent.drafts, minutes(report.noticeToConsent.medianMs)]]);
    case "satisfaction": {
      const s = report.satisfaction;
      return metricRows([
        ...s.byScore.map((b): [string, CsvCell] => [k("satisfaction.score", { score: b.score }), b.count]),
        [k("satisfaction.columns.ratings"), s.ratings],
        [k("satisfaction.columns.satisfied"), s.satisfied],
        [k("satisfaction.columns.share"), percent(s.share, lang)],
        [k("satisfaction.columns.target"), percent(s.target, lang)],
      ]);
    }
    case "faq": {
      const q = report.faq;
      return metricRows([
        [k("faq.columns.asked"), q.asked],
        [k("faq.columns.answered"), q.answered],
        [k("faq.columns.answeredShare"), percent(q.answeredShare, lang)],
        [k("faq.columns.personRequests"), q.personRequests],
        [k("faq.columns.unanswered"), q.unanswered],
        [k("faq.columns.distinct"), q.distinctUnanswered],
        [k("faq.columns.resolved"), q.resolvedByStaff],
        ...q.byChannel.flatMap((c): [string, CsvCell][] => {
          const channel = k(`faq.channels.${c.channel}`);
          return [
            [`${k("faq.columns.asked")} — ${channel}`, c.asked],
            [`${k("faq.columns.answered")} — ${channel}`, c.answered],
            [`${k("faq.columns.answeredShare")} — ${channel}`, percent(c.answeredShare, lang)],
            [`${k("faq.columns.personRequests")} — ${channel}`, c.personRequests],
            [`${k("faq.columns.unanswered")} — ${channel}`, c.logged],
          ];
        }),
      ]);
    }
    case "handover": {
      const h = report.handover;
      return metricRows([
        [k("handover.columns.opened"), h.opened],
        [k("handover.columns.answered"), h.answered],
        [k("handover.columns.unanswered"), h.unanswered],
        [k("handover.columns.medianMinutes"), minutes(h.medianMs)],
        [k("handover.columns.medianWorkingMinutes"), minutes(h.medianWorkingMs)],
        [k("handover.columns.withinTarget"), h.withinTarget],
        [k("handover.columns.withinTargetShare"), percent(h.withinTargetShare, lang)],
      ]);
    }
    case "birthsReminded": {
      const b = report.birthsReminded;
      return metricRows([
        [k("birthsReminded.columns.births"), b.births],
        ...b.byOutcome.map((o): [string, CsvCell] => [k(`birthsReminded.outcomes.${o.outcome}`), o.count]),
        [k("birthsReminded.columns.share"), percent(b.share, lang)],
        [k("birthsReminded.columns.target"), percent(b.target, lang)],
      ]);
    }
    case "draftToSubmission": {
      const d = report.draftToSubmission;
      return metricRows([
        [k("draftToSubmission.columns.drafts"), d.drafts],
        [k("draftToSubmission.columns.meanMinutes"), minutesOneDecimal(d.meanMs, lang)],
        [k("draftToSubmission.columns.medianMinutes"), minutesOneDecimal(d.medianMs, lang)],
        [k("draftToSubmission.columns.p90Minutes"), minutesOneDecimal(d.p90Ms, lang)],
        [k("draftToSubmission.columns.withinTarget"), d.withinTarget],
        [k("draftToSubmission.columns.targetMinutes"), minutesOneDecimal(d.targetMs, lang)],
      ]);
    }
    case "processingTime": {
      const p = report.processingTime;
      const hours = (ms: number | null) => oneDecimal(ms, 3_600_000, lang);
      return table(
        [k("processingTime.columns.service"), k("processingTime.columns.cases"), k("processingTime.columns.completed"), k("processingTime.columns.rejected"), k("processingTime.columns.medianHours"), k("processingTime.columns.p90Hours")],
        [
          ...p.byService.map((s): CsvCell[] => [serviceName(s.service), s.cases, s.completed, s.rejected, hours(s.medianMs), hours(s.p90Ms)]),
          [k("total"), p.total.cases, p.byService.reduce((n, s) => n + s.completed, 0), p.byService.reduce((n, s) => n + s.rejected, 0), hours(p.total.medianMs), hours(p.total.p90Ms)],
        ],
      );
    }
    case "citizenSources":
      return table([k("citizenSources.columns.source"), k("citizenSources.columns.people")], report.citizenSources.sources.map((s) => [k(`citizenSources.sources.${s.source}`), s.people]));
    case "delivery": {
      const cols = ["queued", "sent", "delivered", "failed", "cancelled"] as const;
      return table([k("delivery.columns.channel"), ...cols.map((c) => k(`delivery.columns.${c}`))], report.delivery.channels.map((c) => [k(`delivery.channels.${c.channel}`), ...cols.map((col) => c[col])]));
    }
  }
}

/**
 * One indicator's CSV for the filters, within the staff member's scope. The export is audited
 * (who, which indicator, which filters): the file leaves the system, unlike a look at the page.
 */
export async function exportIndicatorCsv(deps: IndicatorDeps, staff: StaffUser, q: IndicatorQuery, indicator: IndicatorKey, opts: { lang: Language; requestId?: string }): Promise<{ fileName: string; body: string }> {
  const report = await indicatorReport(deps, staff, q);
  const f = report.filters;
  const wardName = f.ward ? ((await getWard(deps.db, f.ward))?.name ?? null) : null;
  const [header, ...rows] = indicatorCsvRows(report, indicator, opts.lang, wardName);
  const body = csvDocument(header!.map((h) => String(h)), rows);
  await audit(deps.db, {
    at: deps.now(),
    actor: { kind: "staff", id: staff.id },
    action: "indicators.exported",
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    details: { indicator, from: f.from, to: f.to, service: f.service, agency: f.agency, ward: f.ward },
  });
  return { fileName: `hccd-chi-so-${indicator}-${f.from}-${f.to}.csv`, body };
}
