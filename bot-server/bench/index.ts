/** `pnpm bench`: every benchmark of the backend, printing its figures. */
import { runFaqBench } from "./faq.js";
import { runWebhookBench } from "./webhook.js";

runFaqBench();
await runWebhookBench();
