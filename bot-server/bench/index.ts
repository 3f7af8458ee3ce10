/**
 * `pnpm bench`: every benchmark of the backend, printing its figures. The reminder sweep generates
 * a million documents first (about three minutes here); set BENCH_SWEEP_SOURCE=/tmp/sweep.db to
 * keep them between runs. The sweep, delivery across instances and the population first sync also
 * run on PostgreSQL when HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL) names a server, and say
 * "not measured" when not. BENCH_ONLY=population (a comma-separated list) runs only those.
 */
import { runCampaignBench } from "./campaigns.js";
import { runDeliveryBench } from "./delivery.js";
import { runDeliveryInstancesBench } from "./delivery-instances.js";
import { runFaqBench } from "./faq.js";
import { runImportBench } from "./import.js";
import { runIndicatorsBench } from "./indicators.js";
import { runLoginFloodBench } from "./login-flood.js";
import { runPopulationBench } from "./population.js";
import { runSweepBench } from "./sweep.js";
import { runWebhookBench } from "./webhook.js";

/** BENCH_ONLY=population,sweep runs just those (names as below); unset, all of them. */
const only = process.env.BENCH_ONLY?.split(",").map((n) => n.trim()).filter(Boolean);
const BENCHES: [string, () => unknown][] = [
  ["faq", runFaqBench],
  ["webhook", runWebhookBench],
  ["sweep", runSweepBench],
  ["delivery", runDeliveryBench],
  ["delivery-instances", runDeliveryInstancesBench],
  ["import", runImportBench],
  ["indicators", runIndicatorsBench],
  ["campaigns", runCampaignBench],
  ["login-flood", runLoginFloodBench],
  ["population", runPopulationBench],
];
const unknown = only?.filter((n) => !BENCHES.some(([name]) => name === n)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY names no benchmark: ${unknown.join(", ")} (known: ${BENCHES.map(([n]) => n).join(", ")})`);
for (const [name, run] of BENCHES) if (!only || only.includes(name)) await run();
