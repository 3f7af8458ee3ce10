/**
 * `pnpm bench`: every benchmark of the backend, printing its figures. The reminder sweep generates
 * a million documents first (about three minutes here); set BENCH_SWEEP_SOURCE=/tmp/sweep.db to
 * keep them between runs. The sweep, delivery across instances and the population first sync also
 * run on PostgreSQL when HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL) names a server, and say
 * "not measured" when not.
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

runFaqBench();
await runWebhookBench();
await runSweepBench();
await runDeliveryBench();
await runDeliveryInstancesBench();
await runImportBench();
await runIndicatorsBench();
await runCampaignBench();
await runLoginFloodBench();
await runPopulationBench();
