/**
 * Population first sync (issue 15): the province's platform pushes every resident it may share,
 * ~3 million, in batches of 1,000 (contract 5). Measured here on SQLite (a file, WAL): records/s
 * through the real endpoint (validation, persons, records, reminders planned in one transaction per
 * batch), the time a full first sync would take at that rate, then the sweep over the reminders the
 * records planned on a day when many fall due (queued/s). BENCH_POPULATION_RECORDS sets the sample
 * (default 50,000). Not measured yet: PostgreSQL, and the webhook's latency while a sync runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addDays, addMonths } from "@hccd/shared";
import { createLogger, createRuntime, DEV_INTEGRATION_KEYS, parseConfig } from "../src/index.js";
import { sweepReminders } from "../src/services/reminders/reminder-sweep.js";
/** A count as a person reads it: 3,000,000. */
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const RECORDS = Number(process.env.BENCH_POPULATION_RECORDS ?? 50_000);
const PROVINCE = 3_000_000;
const TARGET_MINUTES = 30;
const BATCH = 1000;
const KEY = DEV_INTEGRATION_KEYS.find((k) => k.clientId === "population")!.key;
const START = new Date("2026-12-07T03:00:00Z");
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng"];
const GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hùng", "Khánh", "Lan", "Minh", "Ngọc", "Phúc", "Quân", "Thảo", "Trung", "Yến"];

/** Resident number `i`: born 1940–2025, a card issued at 14–30 for most, temporary residence for 1 in 10, household insurance for 1 in 5. */
function resident(i: number, today: string) {
  const year = 1940 + (i % 86);
  const sex = i % 2 === 0 ? "male" : "female";
  const dateOfBirth = `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === "female" ? 1 : 0);
  const nationalId = `072${century}${String(year % 100).padStart(2, "0")}${String(i).padStart(6, "0").slice(-6)}`;
  const issuedAt = 14 + (i % 17);
  const issuedOn = addMonths(dateOfBirth, 12 * issuedAt);
  return {
    nationalId, fullName: `${FAMILY[i % FAMILY.length]} ${sex === "male" ? "Văn" : "Thị"} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]}`,
    dateOfBirth, sex, phone: `09${String(10_000_000 + i).slice(-8)}`,
    residence: { wardCode: "25453", address: `Số ${i % 200}, đường 30/4, Phường Tân Ninh, Tây Ninh` },
    ...(issuedOn <= today ? { idCard: { number: nationalId, issuedOn } } : {}),
    ...(i % 10 === 0 ? { temporaryResidence: { wardCode: "25453", registeredOn: addDays(today, -(i % 700)), expiresOn: addDays(today, 30 + (i % 700)) } } : {}),
    ...(i % 5 === 0 ? { householdInsurance: { cardNo: `HG47272${String(10_000_000 + i).slice(-8)}`, expiresOn: addDays(today, i % 365) } } : {}),
    updatedAt: "2026-12-07T06:00:00+07:00",
  };
}

export async function runPopulationBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-population-"));
  let t = START.getTime();
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", DATABASE_PATH: join(dir, "bench.db") });
  const rt = await createRuntime(config, { now: () => new Date(t), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  try {
    const today = "2026-12-07";
    let accepted = 0;
    const started = performance.now();
    for (let b = 0; b * BATCH < RECORDS; b++) {
      const records = Array.from({ length: Math.min(BATCH, RECORDS - b * BATCH) }, (_, k) => resident(b * BATCH + k, today));
      const res = await rt.app.request("/api/integrations/population-records", { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: JSON.stringify({ batchId: `BENCH-${b}`, records }) });
      const body = (await res.json()) as { accepted: number; rejected: unknown[] };
      if (res.status !== 200 || body.rejected.length > 0) throw new Error(`batch ${b}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      accepted += body.accepted;
    }
    const intakeSeconds = (performance.now() - started) / 1000;
    const perSecond = accepted / intakeSeconds;
    const fullSyncMinutes = PROVINCE / perSecond / 60;
    console.log(`population intake (SQLite file): ${fmt(accepted)} records in ${intakeSeconds.toFixed(1)} s = ${fmt(Math.round(perSecond))} records/s; a first sync of ${fmt(PROVINCE)} would take ${fullSyncMinutes.toFixed(1)} min (target ${TARGET_MINUTES}: ${fullSyncMinutes <= TARGET_MINUTES ? "met" : "NOT met"})`);

    // The sweep on a day two weeks on, at 20:00, when that day's notices have all fallen due.
    t = new Date("2026-12-21T13:00:00Z").getTime();
    const sweepStarted = performance.now();
    const swept = await sweepReminders(rt.services, { catalogue: rt.catalogue });
    const sweepSeconds = (performance.now() - sweepStarted) / 1000;
    const handled = swept.queued + swept.skipped + swept.cancelled;
    console.log(`population sweep: ${fmt(handled)} due reminders (queued ${fmt(swept.queued)}, cancelled ${fmt(swept.cancelled)}, skipped ${fmt(swept.skipped)}) in ${sweepSeconds.toFixed(1)} s = ${fmt(Math.round(handled / Math.max(sweepSeconds, 1e-9)))} reminders/s`);
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runPopulationBench();
