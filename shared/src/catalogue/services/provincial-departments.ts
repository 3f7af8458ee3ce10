import { AGENCIES } from "../agencies.js";
import { partnersOf } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/** Work led jointly by all provincial departments (Các Sở, ngành tỉnh). */
export const provincialDepartmentServices: ServiceEntry[] = [
  {
    key: "licence-digitisation",
    name: { vi: "Số hóa giấy phép có thời hạn để chủ động gia hạn", en: "Digitising time-limited licences for proactive renewal" },
    procedureCodes: [],
    leadAgency: AGENCIES.allDepartments,
    partners: partnersOf("Các Sở, ngành tỉnh"),
    level: 1,
    sources: { planRows: [4], leadTimeRows: [] },
    // A data task (the shared licence store every expiry reminder reads), not a citizen-facing
    // service: it sends nothing. Channels lists the OA only because the schema needs one.
    trigger: { kind: "none" },
    notices: { steps: [] },
    channels: ["oa"],
  },
];
