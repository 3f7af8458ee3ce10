import { Hono } from "hono";
import { addDays, addMonths, vietnamDate, type PopulationBatchResult } from "@hccd/shared";

/** Who the demo's population batch reaches, for the start banner and the tests (`0…` phones). */
export const DEMO_POPULATION = {
  /** Turns 25 in 30 days; his card, issued at 19, lapses then: the ID-card reminder. */
  idCardHolder: { fullName: "Phạm Minh Tuấn", phone: "0903111222" },
  /** Her temporary residence ends in 15 days: the extension window opens today. */
  temporaryResident: { fullName: "Trần Thu Hà", phone: "0987000222" },
  /** Her son turns 14 in 30 days: his ID-card reminder comes to her. */
  parent: { fullName: "Lê Thị Hoa", phone: "0912000444" },
  /** His household health insurance card lapses in 30 days. */
  insured: { fullName: "Nguyễn Văn Bình", phone: "0905000777" },
  /** Mother of Nguyễn Ngọc Anh, 3, who has no ID card: the application prepared for her (plan 920 row 2). */
  childParent: { fullName: "Huỳnh Thị Thu", phone: "0905000778", childName: "Nguyễn Ngọc Anh" },
} as const;

/**
 * A 12-digit personal ID number as Decree 137/2015 art. 13 lays it out (facts.md): Tây Ninh's 072,
 * the century-and-sex digit, the birth year's last two digits, then a serial.
 */
function personalId(dateOfBirth: string, sex: "male" | "female", serial: number): string {
  const year = Number(dateOfBirth.slice(0, 4));
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === "female" ? 1 : 0);
  return `072${century}${String(year % 100).padStart(2, "0")}${String(serial).padStart(6, "0")}`;
}

const yearsBefore = (date: string, years: number) => addMonths(date, -12 * years);
const TAN_NINH = "25453";
const address = (n: number, street: string) => ({ wardCode: TAN_NINH, address: `Số ${n}, ${street}, Phường Tân Ninh, Tây Ninh` });

/**
 * A small, realistic neighbourhood of Phường Tân Ninh as the province's data-sharing platform would
 * push it (contract 5), dated from `today` so that whatever day the demo starts: an ID card lapses at
 * 25 in 30 days (its expiry not given: derived), a temporary residence ends in 15 days, a boy's card
 * lapses at 14 (his mother is told), a household insurance card in 30 days; besides them a lifelong
 * card (issued at 60), a deceased man whose card would lapse at 60 (nobody is told), a 3-year-old
 * without a card, and neighbours whose deadlines are months or years away.
 */
export function demoPopulation(today: string): Record<string, unknown>[] {
  const updatedAt = `${today}T06:00:00+07:00`;
  // Since 2021 the card's number is the personal ID number (chip-based căn cước công dân, then thẻ căn cước).
  const person = (serial: number, p: { fullName: string; dateOfBirth: string; sex: "male" | "female"; cardIssuedOn?: string } & Record<string, unknown>) => {
    const { cardIssuedOn, ...rest } = p;
    const nationalId = personalId(p.dateOfBirth, p.sex, serial);
    return { nationalId, ...rest, ...(cardIssuedOn ? { idCard: { number: nationalId, issuedOn: cardIssuedOn } } : {}), updatedAt };
  };
  const tuanBorn = yearsBefore(addDays(today, 30), 25);
  const baoBorn = yearsBefore(addDays(today, 30), 14);
  const tuBorn = yearsBefore(addDays(today, 30), 60);
  const hoa = person(4444, { fullName: DEMO_POPULATION.parent.fullName, dateOfBirth: "1982-04-02", sex: "female", phone: DEMO_POPULATION.parent.phone, residence: address(18, "đường Trần Hưng Đạo") });
  const dung = person(5555, { fullName: "Phạm Văn Dũng", dateOfBirth: "1979-09-09", sex: "male", phone: "0913000555", residence: address(18, "đường Trần Hưng Đạo") });
  const binh = person(7777, { fullName: DEMO_POPULATION.insured.fullName, dateOfBirth: "1990-06-21", sex: "male", phone: DEMO_POPULATION.insured.phone, residence: address(7, "hẻm 3, đường Nguyễn Chí Thanh"), householdInsurance: { cardNo: "HG4727290077777", expiresOn: addDays(today, 30) } });
  const thu = person(7778, { fullName: DEMO_POPULATION.childParent.fullName, dateOfBirth: "1993-01-15", sex: "female", phone: DEMO_POPULATION.childParent.phone, residence: address(7, "hẻm 3, đường Nguyễn Chí Thanh"), cardIssuedOn: "2021-03-01" });
  return [
    person(1111, {
      fullName: DEMO_POPULATION.idCardHolder.fullName, dateOfBirth: tuanBorn, sex: "male", phone: DEMO_POPULATION.idCardHolder.phone, residence: address(5, "hẻm 12, đường 30/4"),
      cardIssuedOn: addMonths(tuanBorn, 12 * 19 + 3),
    }),
    person(2222, {
      fullName: DEMO_POPULATION.temporaryResident.fullName, dateOfBirth: "1998-07-15", sex: "female", phone: DEMO_POPULATION.temporaryResident.phone, residence: address(40, "đường Cách Mạng Tháng Tám"),
      temporaryResidence: { wardCode: TAN_NINH, registeredOn: addDays(addMonths(addDays(today, 15), -24), 1), expiresOn: addDays(today, 15) },
    }),
    hoa,
    dung,
    person(6666, {
      fullName: "Phạm Gia Bảo", dateOfBirth: baoBorn, sex: "male", residence: address(18, "đường Trần Hưng Đạo"),
      cardIssuedOn: addMonths(baoBorn, 12 * 6 + 2),
      parents: [{ nationalId: hoa.nationalId, relationship: "mother" }, { nationalId: dung.nationalId, relationship: "father" }],
    }),
    binh,
    thu,
    person(7779, {
      fullName: DEMO_POPULATION.childParent.childName, dateOfBirth: yearsBefore(today, 3), sex: "female", residence: address(7, "hẻm 3, đường Nguyễn Chí Thanh"),
      parents: [{ nationalId: thu.nationalId, relationship: "mother" }, { nationalId: binh.nationalId, relationship: "father" }],
    }),
    person(8888, { fullName: "Võ Thị Mỹ", dateOfBirth: "1962-03-08", sex: "female", phone: "0916000888", residence: address(2, "đường Lý Thường Kiệt"), cardIssuedOn: "2022-05-10" }),
    person(9999, {
      fullName: "Đặng Văn Tư", dateOfBirth: tuBorn, sex: "male", phone: "0906000999", residence: address(2, "đường Lý Thường Kiệt"), deceased: true,
      cardIssuedOn: addMonths(tuBorn, 12 * 45),
    }),
    person(1212, { fullName: "Lý Quốc Huy", dateOfBirth: "1987-11-30", sex: "male", phone: "0908001212", residence: address(66, "đường 30/4"), cardIssuedOn: "2016-02-01", temporaryResidence: { wardCode: TAN_NINH, registeredOn: addMonths(today, -18), expiresOn: addMonths(today, 6) } }),
    person(1313, { fullName: "Trương Thị Ngọc Hân", dateOfBirth: "2004-02-14", sex: "female", phone: "0776001313", residence: address(9, "đường Phạm Văn Đồng"), cardIssuedOn: "2022-03-01" }),
    person(1414, { fullName: "Bùi Văn Khánh", dateOfBirth: "1975-08-19", sex: "male", phone: "0369001414", residence: address(31, "đường Nguyễn Trãi"), householdInsurance: { cardNo: "HG4727275001414", expiresOn: addMonths(today, 5) } }),
  ];
}

/**
 * A stand-in for the province's data-sharing platform (LGSP), which pushes the residents it may
 * share with us (contract 5). Like the case system's simulator it calls our public endpoint with
 * its own key (`push`); `pushDemo` sends the demo neighbourhood as of today, under a batch id of the
 * day, so a restart the same day changes nothing and the next day's start brings the dates forward.
 */
export function createPopulationPlatformSimulator(opts: { push: (body: unknown) => Promise<{ status: number; body: unknown }>; now: () => Date }) {
  let last: { batchId: string; status: number; result: unknown } | undefined;

  async function pushDemo(): Promise<PopulationBatchResult> {
    const today = vietnamDate(opts.now());
    const batchId = `LGSP-DEMO-${today}`;
    const res = await opts.push({ batchId, records: demoPopulation(today) });
    last = { batchId, status: res.status, result: res.body };
    if (res.status !== 200) throw new Error(`the population push answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as PopulationBatchResult;
  }

  /** `/sim/population`: what the platform pushed last and how we answered, and who to look at in the Zalo simulator. */
  const routes = new Hono();
  routes.get("/", (c) => c.json({ last: last ?? null, watch: DEMO_POPULATION }));

  return { pushDemo, routes, last: () => last };
}

export type PopulationPlatformSimulator = ReturnType<typeof createPopulationPlatformSimulator>;
