/**
 * The national expanded programme on immunisation (tiêm chủng mở rộng) for children, as versioned
 * data. Source: Thông tư 10/2024/TT-BYT (in force 2024-08-01); Thông tư 52/2025/TT-BYT (from
 * 2026-02-15) keeps the same ages and adds rotavirus and pneumococcal vaccines whose doses and ages
 * we could not confirm, so they are not scheduled here (domain/facts.md). A "month" is a calendar
 * month. Shown to citizens as "the latest schedule published by the Ministry of Health".
 */

export interface DoseRule {
  vaccine: string;
  dose: number;
  name: { vi: string; en: string };
  /** When the dose is due: months and days after birth, or after an earlier dose of the same vaccine. */
  due: { months?: number; days?: number; after?: { vaccine: string; dose: number } };
  /** The end of the recommended window, when the text gives one. */
  latest?: { months?: number; days?: number; after?: { vaccine: string; dose: number } };
}

export const VACCINATION_SCHEDULE = {
  version: "TT-10-2024-BYT",
  source: "Thông tư 10/2024/TT-BYT (Bộ Y tế), danh mục và lịch tiêm chủng mở rộng; ages kept by Thông tư 52/2025/TT-BYT",
  validFrom: "2024-08-01",
  doses: [
    { vaccine: "hepb_birth", dose: 1, name: { vi: "Viêm gan B sơ sinh", en: "Hepatitis B birth dose" }, due: {}, latest: { days: 1 } },
    { vaccine: "bcg", dose: 1, name: { vi: "Lao (BCG)", en: "Tuberculosis (BCG)" }, due: {}, latest: { months: 1 } },
    { vaccine: "dpt_hepb_hib", dose: 1, name: { vi: "Vắc xin 5 trong 1 (bạch hầu, ho gà, uốn ván, viêm gan B, Hib) mũi 1", en: "5-in-1 (DTP-HepB-Hib) dose 1" }, due: { months: 2 } },
    { vaccine: "dpt_hepb_hib", dose: 2, name: { vi: "Vắc xin 5 trong 1 mũi 2", en: "5-in-1 (DTP-HepB-Hib) dose 2" }, due: { months: 1, after: { vaccine: "dpt_hepb_hib", dose: 1 } } },
    { vaccine: "dpt_hepb_hib", dose: 3, name: { vi: "Vắc xin 5 trong 1 mũi 3", en: "5-in-1 (DTP-HepB-Hib) dose 3" }, due: { months: 1, after: { vaccine: "dpt_hepb_hib", dose: 2 } } },
    { vaccine: "opv", dose: 1, name: { vi: "Bại liệt uống (OPV) lần 1", en: "Oral polio (OPV) dose 1" }, due: { months: 2 } },
    { vaccine: "opv", dose: 2, name: { vi: "Bại liệt uống (OPV) lần 2", en: "Oral polio (OPV) dose 2" }, due: { months: 3 } },
    { vaccine: "opv", dose: 3, name: { vi: "Bại liệt uống (OPV) lần 3", en: "Oral polio (OPV) dose 3" }, due: { months: 4 } },
    { vaccine: "ipv", dose: 1, name: { vi: "Bại liệt tiêm (IPV)", en: "Injected polio (IPV)" }, due: { months: 5 } },
    { vaccine: "measles", dose: 1, name: { vi: "Sởi", en: "Measles" }, due: { months: 9 } },
    { vaccine: "je", dose: 1, name: { vi: "Viêm não Nhật Bản mũi 1", en: "Japanese encephalitis dose 1" }, due: { months: 12 } },
    { vaccine: "je", dose: 2, name: { vi: "Viêm não Nhật Bản mũi 2", en: "Japanese encephalitis dose 2" }, due: { days: 7, after: { vaccine: "je", dose: 1 } }, latest: { days: 14, after: { vaccine: "je", dose: 1 } } },
    { vaccine: "je", dose: 3, name: { vi: "Viêm não Nhật Bản mũi 3", en: "Japanese encephalitis dose 3" }, due: { months: 12, after: { vaccine: "je", dose: 2 } } },
    { vaccine: "mr", dose: 1, name: { vi: "Sởi - Rubella (MR)", en: "Measles-rubella (MR)" }, due: { months: 18 } },
    { vaccine: "dpt_booster", dose: 1, name: { vi: "Bạch hầu - Ho gà - Uốn ván (DPT) nhắc lại", en: "DTP booster" }, due: { months: 18 } },
    { vaccine: "td", dose: 1, name: { vi: "Uốn ván - Bạch hầu (Td) nhắc lại", en: "Td booster" }, due: { months: 84 } },
  ] satisfies DoseRule[],
} as const;

/** Adds calendar months; a day that does not exist in the target month falls back to its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, "0")}-${String(tm + 1).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

function shift(date: string, by: { months?: number; days?: number }): string {
  const afterMonths = by.months ? addMonths(date, by.months) : date;
  if (!by.days) return afterMonths;
  const t = new Date(`${afterMonths}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + by.days);
  return t.toISOString().slice(0, 10);
}

export interface ScheduledDose {
  vaccine: string;
  dose: number;
  name: { vi: string; en: string };
  /** The earliest recommended date. */
  dueOn: string;
  latestOn?: string;
}

/**
 * Every dose of the schedule for a child born on `dateOfBirth`, in date order. Doses that follow
 * an earlier one are planned from that dose's due date (the plan before any dose is recorded).
 */
export function vaccinationSchedule(dateOfBirth: string, schedule: { doses: readonly DoseRule[] } = VACCINATION_SCHEDULE): ScheduledDose[] {
  const planned = new Map<string, string>();
  const out: ScheduledDose[] = [];
  const base = (after?: { vaccine: string; dose: number }) => {
    if (!after) return dateOfBirth;
    const d = planned.get(`${after.vaccine}#${after.dose}`);
    if (!d) throw new Error(`schedule lists ${after.vaccine} dose ${after.dose} after a dose that depends on it`);
    return d;
  };
  for (const rule of schedule.doses) {
    const dueOn = shift(base(rule.due.after), rule.due);
    planned.set(`${rule.vaccine}#${rule.dose}`, dueOn);
    const dose: ScheduledDose = { vaccine: rule.vaccine, dose: rule.dose, name: rule.name, dueOn };
    if (rule.latest) dose.latestOn = shift(base(rule.latest.after), rule.latest);
    out.push(dose);
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
