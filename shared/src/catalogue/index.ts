import { catalogueSchema, type Catalogue, type ServiceEntry } from "./schema.js";
import { guidanceData } from "./guidance.js";
import { SERVICE_PROCEDURES } from "./procedures.js";
import { agricultureEnvironmentServices } from "./services/agriculture-environment.js";
import { constructionServices } from "./services/construction.js";
import { cultureTourismServices } from "./services/culture-tourism.js";
import { healthServices } from "./services/health.js";
import { homeAffairsServices } from "./services/home-affairs.js";
import { industryTradeServices } from "./services/industry-trade.js";
import { justiceServices } from "./services/justice.js";
import { policeServices } from "./services/police.js";
import { provincialDepartmentServices } from "./services/provincial-departments.js";
import { scienceTechnologyServices } from "./services/science-technology.js";
import { socialInsuranceServices } from "./services/social-insurance.js";

export * from "./schema.js";
export { NATIONAL_PORTAL_URL, procedureGuidanceOf } from "./guidance.js";
export { AGENCIES } from "./agencies.js";

/**
 * The catalogue's version: raise it whenever an entry's steps, channels, templates or draft change,
 * so a plan or a message can say which catalogue it was made from. Format: YYYY-MM-DD.n.
 */
export const CATALOGUE_VERSION = "2026-12-07.1";

/** An entry with its procedure codes (procedures.ts) and guidance (guidance.ts), unless it states its own. */
function withProcedureData(e: ServiceEntry): ServiceEntry {
  const procedures = e.procedures ?? SERVICE_PROCEDURES[e.key];
  return { ...e, ...(procedures ? { procedures } : {}), guidance: e.guidance ?? guidanceData(e) };
}

/**
 * Every proactive service of the province, validated when the module loads: a bad entry (a link in
 * a template, steps out of order, a level-2 service without its draft) stops the process at start,
 * never at the moment a reminder is due.
 */
export const catalogue: Catalogue = catalogueSchema.parse([
  ...policeServices,
  ...healthServices,
  ...justiceServices,
  ...socialInsuranceServices,
  ...constructionServices,
  ...homeAffairsServices,
  ...cultureTourismServices,
  ...industryTradeServices,
  ...agricultureEnvironmentServices,
  ...scienceTechnologyServices,
  ...provincialDepartmentServices,
].map(withProcedureData));

const byKey = new Map(catalogue.map((e) => [e.key, e]));

/** The entry for a service key, or undefined. */
export function serviceByKey(key: string): ServiceEntry | undefined {
  return byKey.get(key);
}

/**
 * The catalogue's texts as an i18next namespace (`catalogue:<key>.name`, `catalogue:<key>.reminder`),
 * so messages take a service's own wording through the same i18n as everything else.
 */
export function catalogueResources(lang: "vi" | "en"): Record<string, { name: string; reminder?: string }> {
  const out: Record<string, { name: string; reminder?: string }> = {};
  for (const e of catalogue) {
    out[e.key] = e.templates ? { name: e.name[lang], reminder: e.templates.reminder[lang] } : { name: e.name[lang] };
  }
  return out;
}
