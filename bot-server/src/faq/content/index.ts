/**
 * The FAQ content: every entry in Vietnamese and English, each with the legal text or plan it rests
 * on. Staff add alternatives from the unanswered-question log; ids are stable (buttons and logs
 * refer to them).
 */
import type { FaqEntry } from "../types.js";
import { aboutEntries } from "./about.js";
import { channelEntries } from "./channels.js";
import { privacyEntries } from "./privacy.js";
import { supportEntries } from "./support.js";
import { civilStatusEntries } from "./civil-status.js";
import { identityEntries } from "./identity.js";
import { healthEntries } from "./health.js";
import { onlineEntries } from "./online.js";
import { licenceEntries } from "./licences.js";

export const FAQ_ENTRIES: readonly FaqEntry[] = [
  ...aboutEntries,
  ...channelEntries,
  ...privacyEntries,
  ...supportEntries,
  ...civilStatusEntries,
  ...identityEntries,
  ...healthEntries,
  ...onlineEntries,
  ...licenceEntries,
];
