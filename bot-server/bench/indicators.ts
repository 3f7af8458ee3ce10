/**
 * Indicators benchmark (issue 6): a year of synthetic activity — 100,000 documents with a reminder
 * each and its outbox row, 50,000 drafts with parties, notices, consents, submissions and ratings,
 * 10,000 handovers and 20,000 unanswered questions — then the whole report (every indicator) for
 * the default 30 days and for a year, for the province and for one ward, and one CSV export.
 * Printed: rows, and the median of BENCH_ROUNDS runs of each.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { citizenSourceCounts, createDb, type StaffUser } from "@hccd/db";
import { defaultReminderCatalogue } from "../src/services/reminders/reminder-catalogue.js";
import { indicatorReport } from "../src/services/indicators/indicators.js";
import { exportIndicatorCsv } from "../src/services/indicators/indicators-csv.js";
import { listWorklist } from "../src/services/worklist/ward-worklist.js";
import { fmt, median } from "./stats.js";

const REMINDERS = Number(process.env.BENCH_INDICATOR_REMINDERS ?? 100_000);
const DRAFTS = Number(process.env.BENCH_INDICATOR_DRAFTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const NOW = new Date("2026-12-01T03:00:00Z");
const YEAR_MS = 365 * 86_400_000;
const WARDS = ["25453", "25454", "25455", "25456", "25457", "25458", "25459", "25460"];

/** The year of activity is generated with raw SQLite statements (fast): SQLite only. */
export async function runIndicatorsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-indicators-"));
  const handle = await createDb(join(dir, "bench.db"));
  if (handle.engine !== "sqlite") throw new Error("the indicators benchmark generates a SQLite file");
  const { sqlite, db } = handle;
  const t0 = performance.now();
  const catalogue = defaultReminderCatalogue;
  const services = catalogue.keys().filter((k) => k !== "child-vaccination");
  const at = (i: number, n: number) => NOW.getTime() - YEAR_MS + Math.floor((i / n) * YEAR_MS);
  sqlite.transaction(() => {
    const ward = sqlite.prepare("insert into wards (code, name, province_code) values (?, ?, '72')");
    WARDS.forEach((w, i) => ward.run(w, `Phường ${i}`));
    const person = sqlite.prepare("insert into persons (id, full_name, name_key, phone, residence_ward_code, created_at, updated_at) values (?, 'Nguyễn Văn An', 'nguyen van an', ?, ?, 0, 0)");
    const zalo = sqlite.prepare("insert into zalo_users (id, phone, follower, notification_prefs, language, created_at, updated_at) values (?, ?, 1, '{}', 'vi', 0, 0)");
    for (let i = 0; i < 20_000; i++) {
      person.run(`p${i}`, `849${String(i).padStart(8, "0")}`, WARDS[i % WARDS.length]!);
      zalo.run(`u${i}`, `849${String(i).padStart(8, "0")}`);
    }
    // Documents come in through the year, as departments import their lists: the period's are few.
    const doc = sqlite.prepare("insert into documents (id, service_key, document_no, holder_kind, holder_name, expires_on, ward_code, created_at, updated_at) values (?, ?, ?, 'person', 'Nguyễn Văn An', '2027-06-30', ?, ?, ?)");
    const out = sqlite.prepare("insert into outbox (id, kind, idempotency_key, channel, fallback_channels, person_id, payload, status, attempts, next_attempt_at, created_at, updated_at, sent_at) values (?, 'notification', ?, ?, '[]', ?, ?, ?, 1, ?, ?, ?, ?)");
    const rem = sqlite.prepare("insert into reminders (id, subject, document_id, service_key, due_on, step, next_at, status, idempotency_key, outbox_id, reason, created_at, updated_at) values (?, 'document', ?, ?, '2027-06-30', 'P60D', ?, ?, ?, ?, ?, 0, 0)");
    const channels = ["oa", "zns", "sms"];
    const statuses = ["sent", "delivered", "delivered", "failed"];
    for (let i = 0; i < REMINDERS; i++) {
      const service = services[i % services.length]!;
      const t = at(i, REMINDERS);
      doc.run(`d${i}`, service, `N${i}`, WARDS[i % WARDS.length]!, t, t);
      const skipped = i % 20 === 0;
      const status = statuses[i % statuses.length]!;
      if (!skipped) out.run(`o${i}`, `reminder:d${i}`, channels[i % 3]!, null, JSON.stringify({ message: { type: "document_expiry", documentId: `d${i}`, serviceKey: service } }), status, t, t, t, status === "failed" ? null : t + (i % 7) * 3_600_000);
      rem.run(`r${i}`, `d${i}`, service, t, skipped ? "skipped" : "queued", `reminder:d${i}:P60D`, skipped ? null : `o${i}`, skipped ? "unreachable" : null);
    }
    const draft = sqlite.prepare("insert into drafts (id, service, procedure_code, version, fields, status, due_by, created_at, updated_at) values (?, 'birth-registration', '1.0', 1, '{}', 'open', '2027-01-01', ?, ?)");
    const party = sqlite.prepare("insert into draft_parties (draft_id, person_id, role) values (?, ?, 'mother')");
    const event = sqlite.prepare("insert into draft_events (draft_id, kind, at, data) values (?, ?, ?, '{}')");
    const consent = sqlite.prepare("insert into consents (id, draft_id, draft_version, zalo_user_id, person_id, role, content_hash, consent_text_version, consented_at) values (?, ?, 1, ?, ?, 'mother', 'h', '1', ?)");
    const sub = sqlite.prepare("insert into submissions (id, draft_id, consent_id, procedure_code, status, created_at, updated_at) values (?, ?, ?, '1.0', ?, ?, ?)");
    const rating = sqlite.prepare("insert into satisfaction_ratings (submission_id, zalo_user_id, score, at) values (?, ?, ?, ?)");
    for (let i = 0; i < DRAFTS; i++) {
      const t = at(i, DRAFTS);
      const p = i % 20_000;
      draft.run(`dr${i}`, t, t);
      party.run(`dr${i}`, `p${p}`);
      event.run(`dr${i}`, "notified", t + 60_000);
      if (i % 4 !== 0) {
        consent.run(`c${i}`, `dr${i}`, `u${p}`, `p${p}`, t + 3_600_000 * (1 + (i % 48)));
        event.run(`dr${i}`, "submitted", t + 50 * 3_600_000);
        sub.run(`s${i}`, `dr${i}`, `c${i}`, i % 3 === 0 ? "processing" : "completed", t, t);
        if (i % 3 !== 0 && i % 2 === 0) rating.run(`s${i}`, `u${p}`, 1 + (i % 5), t + 60 * 3_600_000);
      }
    }
    const ticket = sqlite.prepare("insert into handover_tickets (id, zalo_user_id, status, opened_at, first_response_at) values (?, ?, 'closed', ?, ?)");
    for (let i = 0; i < 10_000; i++) ticket.run(`t${i}`, `u${i % 20_000}`, at(i, 10_000), at(i, 10_000) + (i % 30) * 3_600_000);
    const faq = sqlite.prepare("insert into faq_unanswered (question, question_key, language, top_score_pct, channel, at) values (?, ?, 'vi', 10, 'bot', ?)");
    for (let i = 0; i < 20_000; i++) faq.run(`câu hỏi ${i % 500}`, `q${i % 500}`, at(i, 20_000));
  })();
  sqlite.exec("analyze");
  const genSeconds = (performance.now() - t0) / 1000;

  const deps = { db, now: () => NOW, catalogue };
  const viewer = { id: "bench-viewer", username: "bench-viewer", displayName: "Bench", role: "viewer", agency: null, wardCode: null } as StaffUser;
  const cases: [string, Record<string, string>][] = [
    ["30 days, province", {}],
    ["30 days, one ward", { ward: WARDS[0]! }],
    ["365 days, province", { from: "2025-12-02", to: "2026-12-01" }],
    ["365 days, one agency", { from: "2025-12-02", to: "2026-12-01", agency: "Sở Y tế" }],
  ];
  console.log(`indicators: ${REMINDERS} reminders (+outbox), ${DRAFTS} drafts, 10000 handovers, 20000 unanswered questions; generated in ${fmt(genSeconds, 1)} s`);
  for (const [label, q] of cases) {
    const times: number[] = [];
    let due = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const s = performance.now();
      due = (await indicatorReport(deps, viewer, q)).reminders.total.due;
      times.push(performance.now() - s);
    }
    console.log(`  report ${label}: median ${fmt(median(times), 1)} ms over ${ROUNDS} runs (${due} reminders due)`);
  }
  // People found per source, alone: the count of people found by departments' lists reads the
  // period's documents through documents_created_at_idx (without it, every document).
  const scope = { start: new Date(NOW.getTime() - 30 * 86_400_000), end: NOW, include: { births: true, deaths: true } };
  const sourceTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const s = performance.now();
    await citizenSourceCounts(db, scope);
    sourceTimes.push(performance.now() - s);
  }
  const plan = sqlite.prepare("explain query plan select count(*) from documents doc where doc.holder_kind = 'person' and doc.created_at >= ? and doc.created_at < ?").all(scope.start.getTime(), NOW.getTime()) as { detail: string }[];
  console.log(`  people found per source, 30 days: median ${fmt(median(sourceTimes), 1)} ms over ${ROUNDS} runs (documents: ${plan.map((p) => p.detail).join("; ")})`);
  const csvTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const s = performance.now();
    await exportIndicatorCsv(deps, viewer, { from: "2025-12-02", to: "2026-12-01" }, "reminders", { lang: "vi" });
    csvTimes.push(performance.now() - s);
  }
  console.log(`  CSV export (365 days, reminders): median ${fmt(median(csvTimes), 1)} ms`);
  // The ward worklist reads every open birth and death draft (here all ${DRAFTS}, none ever notified:
  // the worst case, each one listed) and pages them; a ward officer's page filters the same scan by ward.
  const worklistDeps = { db, now: () => NOW, newId: () => crypto.randomUUID() };
  for (const [label, who] of [["province (admin)", { ...viewer, role: "admin" }], ["one ward", { ...viewer, role: "ward_officer", wardCode: WARDS[0]! }]] as [string, StaffUser][]) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const s = performance.now();
      total = (await listWorklist(worklistDeps, who, { page: 1 })).total;
      times.push(performance.now() - s);
    }
    console.log(`  worklist page, ${label}: median ${fmt(median(times), 1)} ms over ${ROUNDS} runs (${total} cases listed)`);
  }
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await runIndicatorsBench();
