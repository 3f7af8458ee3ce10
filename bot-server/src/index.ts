export { createApp, type App, MAX_BODY_BYTES } from "./app.js";
export { createRuntime, simTemplates, type Runtime, type RuntimeOptions, type ZaloSimulator, type CaseSystemSimulator } from "./runtime.js";
export { parseConfig, ConfigError, DEV_INTEGRATION_KEYS, type Config } from "./config.js";
export { createLogger, type Logger } from "./logger.js";
export { createOutboxWorker, type OutboxWorker } from "./worker/outbox-worker.js";
export { demoBirthCertificate, seedDemo, DEMO_MOTHER, DEMO_FATHER, DEMO_WARDS } from "./seed/demo.js";
export { draftLink } from "./services/notifications.js";
