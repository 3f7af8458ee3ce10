/**
 * Campaign benchmark (issue 6): a broadcast to 10,000 synthetic followers on a file-backed
 * database, against the in-process Zalo simulator, throttle off. Printed: time to record the
 * audience and queue the first wave (send-now's background job), and time until every message
 * was handed to Zalo and the campaign completed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { campaignInputSchema } from "@hccd/shared";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { createStaffUser } from "../src/services/staff/staff-auth.js";
import { campaignCounts, createCampaign, sendCampaignNow } from "../src/services/campaigns/campaigns.js";
import { createSyntheticFollowers } from "../src/services/campaigns/campaign-fixtures.js";
import { fmt } from "./stats.js";

const RECIPIENTS = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 10_000);

export async function runCampaignBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-campaign-"));
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", QUIET_HOURS: "0-0", SWEEP_INTERVAL_MS: "0", THROTTLE_OA_PER_SEC: "0", OUTBOX_CONCURRENCY: "32" });
  const runtime = await createRuntime(config, { dbPath: join(dir, "campaign.db"), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  try {
    const deps = { ...runtime.services, jobs: runtime.jobs };
    const staff = await createStaffUser(runtime.services, { username: "bench-comm", displayName: "Bench", password: "mật-khẩu-đủ-dài-2026", role: "communicator", agency: null, wardCode: null });
    await createSyntheticFollowers(runtime.services.db, runtime.sim?.zalo, { count: RECIPIENTS, now: new Date(), optedOut: (i) => i % 20 === 0 });
    const c = await createCampaign(deps, { staff }, campaignInputSchema.parse({ name: "Bench", bodyVi: "Kính gửi {{ten}}, mời Ông/Bà theo dõi OA.", bodyEn: "Dear {{name}}, please follow the OA.", filters: {} }));
    const t0 = performance.now();
    await sendCampaignNow(deps, { staff }, c.id);
    await runtime.jobs.idle();
    const materialised = performance.now() - t0;
    await runtime.worker.drain(10_000);
    await runtime.campaigns.runOnce();
    const delivered = performance.now() - t0;
    const k = await campaignCounts(runtime.services, c.id);
    console.log(`campaign to ${RECIPIENTS} recipients: audience recorded + first wave queued in ${fmt(materialised / 1000)} s; ${k.sent} sent, ${k.optedOut} opted out excluded, completed in ${fmt(delivered / 1000)} s`);
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
