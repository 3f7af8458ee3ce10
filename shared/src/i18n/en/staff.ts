/** The staff console (bot-server/src/console), one file per work area so each can grow on its own. */
import { common } from "./staff/common.js";
import { imports } from "./staff/imports.js";
import { campaigns } from "./staff/campaigns.js";
import { handover } from "./staff/handover.js";
import { faq } from "./staff/faq.js";
import { indicators } from "./staff/indicators.js";
import { audit } from "./staff/audit.js";
import { worklist } from "./staff/worklist.js";
import { payments } from "./staff/payments.js";

export const staff = { ...common, imports, campaigns, handover, faq, indicators, audit, worklist, payments };
