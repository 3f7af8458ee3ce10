/** `pnpm bench`: every benchmark of the backend, printing its figures. */
import { runWebhookBench } from "./webhook.js";

await runWebhookBench();
