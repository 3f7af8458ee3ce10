/**
 * What the Mini App may import (`@hccd/shared/client`): the citizen API's schemas, the draft
 * model, dates and phone rules, and the app's own texts. The catalogue, the bot's and the CLI's
 * texts stay out, so a phone downloads only what its screens use (issue 5: initial JS ≤ 150 KB).
 */
export * from "./schemas/common.js";
export * from "./schemas/error.js";
export * from "./schemas/citizen-api.js";
export * from "./domain/channels.js";
export * from "./schemas/faq.js";
export * from "./schemas/rules.js";
export * from "./schemas/guidance.js";
export * from "./schemas/dossier-copy.js";
export * from "./domain/draft.js";
export { MAX_COPIES } from "./domain/draft-edits.js";
export * from "./domain/vietnam-time.js";
export * from "./validation/phone.js";
export * from "./i18n/client-resources.js";
