import type { TestWorld } from "../../testing/world.js";
import { POPULATION_KEY } from "../../testing/world.js";

/**
 * Residents as contract 5 gives them, for tests. Today in the test world is 2026-11-24 (Vietnam):
 * - Phạm Minh Tuấn turns 25 on 2026-12-24; his card, issued at 19, lapses then (Luật Căn cước art. 21);
 * - Phạm Gia Bảo turns 14 the same day (his card, issued at 6, lapses then); his parents are Lê Thị Hoa
 *   and Phạm Văn Dũng; he has no phone of his own;
 * - Trần Thu Hà's temporary residence ends on 2026-12-09, 15 days ahead (Luật Cư trú art. 28(3)).
 */
export const RESIDENTS = {
  tuan: {
    nationalId: "072201001111", fullName: "Phạm Minh Tuấn", dateOfBirth: "2001-12-24", sex: "male", phone: "0903111222",
    residence: { wardCode: "25453", address: "Số 5, hẻm 12, Phường Tân Ninh, Tây Ninh" },
    idCard: { number: "072201001111", issuedOn: "2021-05-01" },
    householdInsurance: { cardNo: "HG4727221234567", expiresOn: "2026-12-24" },
    updatedAt: "2026-11-20T01:00:00+07:00",
  },
  hoa: {
    nationalId: "072180004444", fullName: "Lê Thị Hoa", dateOfBirth: "1980-04-02", sex: "female", phone: "0912000444",
    idCard: { number: "072180004444", issuedOn: "2021-06-01" },
    updatedAt: "2026-11-20T01:00:00+07:00",
  },
  dung: {
    nationalId: "072078005555", fullName: "Phạm Văn Dũng", dateOfBirth: "1978-09-09", sex: "male", phone: "0913000555",
    updatedAt: "2026-11-20T01:00:00+07:00",
  },
  bao: {
    nationalId: "072212000123", fullName: "Phạm Gia Bảo", dateOfBirth: "2012-12-24", sex: "male",
    idCard: { number: "072212000123", issuedOn: "2019-01-10" },
    parents: [{ nationalId: "072180004444", relationship: "mother" }, { nationalId: "072078005555", relationship: "father" }],
    updatedAt: "2026-11-20T01:00:00+07:00",
  },
  ha: {
    nationalId: "072196002222", fullName: "Trần Thu Hà", dateOfBirth: "1996-07-15", sex: "female", phone: "0987000222",
    temporaryResidence: { wardCode: "25453", registeredOn: "2024-12-10", expiresOn: "2026-12-09" },
    updatedAt: "2026-11-20T01:00:00+07:00",
  },
} as const;

/**
 * Posts a batch to contract 5's endpoint with the population platform's key (or another), and
 * waits for the planner the batch kicked to plan from it (the rules run after the answer).
 */
export async function postPopulation(w: Pick<TestWorld, "call" | "populationPlanner">, batchId: string, records: readonly unknown[], key: string = POPULATION_KEY) {
  const res = await w.call("POST", "/api/integrations/population-records", { token: key, body: { batchId, records } });
  await w.populationPlanner.kick();
  return res;
}
