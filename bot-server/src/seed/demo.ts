import { addDays, nameKey, noticeInstant, normalizeVnPhone, vietnamDate, type BirthCertificate, birthCertificateSchema } from "@hccd/shared";
import { findStaffByUsername, insertDocument, insertPerson, isUniqueViolation, upsertWards, findBirthEventByCertificateNo, type Db } from "@hccd/db";
import { DomainError } from "../errors.js";
import { createStaffUser } from "../services/staff/staff-auth.js";
import { planDocumentReminders } from "../services/reminders/reminder-planning.js";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";
import type { ServiceDeps } from "../deps.js";
import { receiveBirthCertificate } from "../services/birth-death/birth-intake.js";

/**
 * Wards offered as registration places in the demo. 25453 (Phường Tân Ninh) is the code used in
 * contract 1; the other codes are placeholders for the demo only. Production loads the official
 * list of administrative units (after Resolution 202/2025/QH15 and the 2025 commune mergers).
 */
export const DEMO_WARDS = [
  { code: "25453", name: "Phường Tân Ninh", provinceCode: "72" },
  { code: "25454", name: "Phường Bình Minh", provinceCode: "72" },
  { code: "25455", name: "Phường Ninh Thạnh", provinceCode: "72" },
  { code: "25456", name: "Phường Long Hoa", provinceCode: "72" },
  { code: "25457", name: "Phường Hòa Thành", provinceCode: "72" },
  { code: "25458", name: "Phường Trảng Bàng", provinceCode: "72" },
  { code: "25459", name: "Phường Gò Dầu", provinceCode: "72" },
  { code: "25460", name: "Phường Tân An", provinceCode: "72" },
] as const;

/**
 * The demo family, as population data (CSDLQG về dân cư) already knows them before any certificate
 * arrives. Consistent with contract 1's example: ID numbers encode the birth year and sex (facts.md),
 * the couple live together in Phường Tân Ninh, and the child's planned name takes the father's
 * family name. Quê quán is written as population records hold it, with the units of the time
 * (districts, and Long An before its 2025 merger into Tây Ninh); the parents may change it.
 */
export const DEMO_MOTHER = {
  nationalId: "072195001234",
  fullName: "Nguyễn Thị Lan",
  dateOfBirth: "1995-04-12",
  sex: "female",
  ethnicity: "Kinh",
  nationality: "VN",
  phone: "0912345678",
  residence: { wardCode: "25453", address: "Số 12, đường 30/4, Phường Tân Ninh, Tây Ninh" },
  hometown: "Xã Lương Hòa, huyện Bến Lức, tỉnh Long An",
} as const;
export const DEMO_FATHER = {
  nationalId: "072092004321",
  fullName: "Trần Văn Minh",
  dateOfBirth: "1992-09-01",
  sex: "male",
  ethnicity: "Kinh",
  nationality: "VN",
  phone: "0987654321",
  residence: { wardCode: "25453", address: "Số 12, đường 30/4, Phường Tân Ninh, Tây Ninh" },
  hometown: "Xã Thanh Phước, huyện Gò Dầu, tỉnh Tây Ninh",
} as const;
type DemoPerson = typeof DEMO_MOTHER | typeof DEMO_FATHER;

/**
 * The demo's people who have a Zalo account, each with the phone it was registered with (`84…`):
 * served at `/sim/demo` so that the Mini App's dev identity can share one of them in a tap, as a
 * citizen shares the phone of the Zalo account they are signed in with.
 */
export function demoZaloAccounts(): { name: string; phone: string }[] {
  return [DEMO_MOTHER, DEMO_FATHER].map((p) => {
    const phone = normalizeVnPhone(p.phone);
    if (!phone.ok) throw new Error(`demo phone ${p.phone} is not a mobile number`);
    return { name: p.fullName, phone: phone.value };
  });
}

/** Contract 1's example certificate, with the birth moved to `daysAgo` days before now. */
export function demoBirthCertificate(now: Date, daysAgo = 2): BirthCertificate {
  const bornAt = new Date(now.getTime() - daysAgo * 86_400_000);
  const iso = (d: Date) => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
  return birthCertificateSchema.parse({
    certificateNo: "TN-BVDK-2026-000123",
    issuedAt: iso(new Date(bornAt.getTime() + 90 * 60_000)),
    facility: { code: "72-BVDKTN", name: "Bệnh viện Đa khoa Tây Ninh" },
    child: { sex: "female", bornAt: iso(bornAt), weightGrams: 3100, plannedName: "Trần Bảo Ngọc", birthType: "single" },
    mother: { ...onCertificate(DEMO_MOTHER), residence: DEMO_MOTHER.residence, phone: DEMO_MOTHER.phone },
    // The hospital's form has no address for the father: population data gives his.
    father: { ...onCertificate(DEMO_FATHER), phone: DEMO_FATHER.phone },
  });
}

/** What a hospital writes about a parent on the birth certificate (contract 1). */
function onCertificate(p: DemoPerson) {
  return { fullName: p.fullName, dateOfBirth: p.dateOfBirth, nationalId: p.nationalId, ethnicity: p.ethnicity, nationality: p.nationality };
}

/** Reference data every database needs (wards). Safe to run at every start. */
export async function seedReference(db: Db): Promise<void> {
  await upsertWards(db, [...DEMO_WARDS]);
}

/**
 * Runs an insert the seed needs once: when a row with the same unique key is already there (an
 * earlier start, or another instance starting at the same moment), it is kept. Insert-and-catch
 * rather than look-then-insert, which two instances starting together would both pass.
 */
async function once(insert: () => Promise<unknown>, alreadyThere: (err: unknown) => boolean = isUniqueViolation): Promise<void> {
  try {
    await insert();
  } catch (err) {
    if (!alreadyThere(err)) throw err;
  }
}

async function ensurePerson(db: Db, p: DemoPerson, now: Date, newId: () => string): Promise<void> {
  const phone = normalizeVnPhone(p.phone);
  // persons_national_id_uq: the person is there already.
  await once(() =>
    insertPerson(db, {
      id: newId(), nationalId: p.nationalId, fullName: p.fullName, nameKey: nameKey(p.fullName), dateOfBirth: p.dateOfBirth, sex: p.sex,
      ethnicity: p.ethnicity, nationality: p.nationality, phone: phone.ok ? phone.value : null,
      residenceWardCode: p.residence.wardCode, residenceAddress: p.residence.address, hometown: p.hometown, updatedAt: now,
    }),
  );
}

const DEMO_CERTIFICATE_NO = "TN-BVDK-2026-000123";

/**
 * The demo: a family known to population data and a birth certificate from the provincial
 * hospital, so a draft is waiting and the mother's ZNS notice is queued. Idempotent, also when
 * several instances start at once on an empty database: every row it adds has a unique key, and a
 * row another instance added first is kept.
 */
export async function seedDemo(deps: ServiceDeps & { catalogue: ReminderCatalogue }, hospitalClientId: string): Promise<{ draftId: string }> {
  const now = deps.now();
  await seedReference(deps.db);
  await ensurePerson(deps.db, DEMO_MOTHER, now, deps.newId);
  await ensurePerson(deps.db, DEMO_FATHER, now, deps.newId);
  const { draftId } = await receiveDemoCertificate(deps, hospitalClientId, now);
  await seedDemoDocuments(deps);
  await seedDemoStaff(deps);
  return { draftId };
}

/**
 * The hospital's certificate, sent as the hospital sends it (a repeat answers with the same
 * draft). The certificate is dated from the first start; another instance that started in the
 * same moment, with a clock a second apart, sends the certificate that won.
 */
async function receiveDemoCertificate(deps: ServiceDeps & { catalogue: ReminderCatalogue }, clientId: string, now: Date): Promise<{ draftId: string }> {
  const stored = async () => (await findBirthEventByCertificateNo(deps.db, DEMO_CERTIFICATE_NO))?.payload as BirthCertificate | undefined;
  const certificate = (await stored()) ?? demoBirthCertificate(now);
  try {
    return await receiveBirthCertificate(deps, { certificate, clientId });
  } catch (err) {
    const won = err instanceof DomainError && err.code === "certificate_conflict" ? await stored() : undefined;
    if (!won) throw err;
    return receiveBirthCertificate(deps, { certificate: won, clientId });
  }
}

/** The password of every demo staff account (README lists the accounts). */
export const DEMO_STAFF_PASSWORD = "hccd-demo-2026";
/**
 * The demo's staff accounts, one per role, all with {@link DEMO_STAFF_PASSWORD}: only ever created
 * with SEED=demo (a real deployment creates its first admin with `pnpm hccd staff create`).
 */
export const DEMO_STAFF = [
  { username: "quan-tri", displayName: "Nguyễn Thị Quản Trị", role: "admin" as const },
  { username: "so-vhttdl", displayName: "Lê Văn Sở", role: "department" as const, agency: "Sở Văn hóa, Thể thao và Du lịch" },
  // Prepares the Tết allowance list for people with meritorious service (plan 920 row 3).
  { username: "so-noi-vu", displayName: "Đặng Thị Nội", role: "department" as const, agency: "Sở Nội vụ" },
  { username: "phuong-tan-ninh", displayName: "Trần Thị Phường", role: "ward_officer" as const, wardCode: "25453" },
  { username: "truyen-thong", displayName: "Phạm Minh Truyền", role: "communicator" as const },
  { username: "nguoi-xem", displayName: "Võ Văn Xem", role: "viewer" as const },
];

async function seedDemoStaff(deps: ServiceDeps): Promise<void> {
  for (const s of DEMO_STAFF) {
    // Looked up first only to spare a later start five password hashes; staff_users_username_uq
    // decides: an account another instance added meanwhile is kept, with its password.
    if (await findStaffByUsername(deps.db, s.username)) continue;
    await once(
      () => createStaffUser(deps, { ...s, password: DEMO_STAFF_PASSWORD }),
      (err) => isUniqueViolation(err) || (err instanceof DomainError && err.code === "username_taken"),
    );
  }
}

/**
 * A few documents from departments' lists, so the demo shows the reminder engine: the father's
 * tour guide card has its 30-day notice due today (level 2: its button opens the prepared draft), so
 * has his agricultural supply shop's pesticide trading certificate (level 1: its button opens the
 * procedure guide); the mother's household health insurance and a petrol station's certificate
 * come later. Planned as an import plans them, except that a notice
 * due today goes at start rather than at 08:00: a newcomer trying the demo at night sees it at
 * once (quiet hours, when configured, still hold it back). Kept on later starts.
 */
async function seedDemoDocuments(deps: ServiceDeps & { catalogue: ReminderCatalogue }): Promise<void> {
  const now = deps.now();
  const today = vietnamDate(now);
  const docs = [
    { serviceKey: "tour-guide-card", documentNo: "HDV-DEMO-0001", holderKind: "person" as const, holderName: DEMO_FATHER.fullName, phone: "84987654321", expiresOn: addDays(today, 30) },
    { serviceKey: "household-health-insurance", documentNo: "HN4797912345678", holderKind: "person" as const, holderName: DEMO_MOTHER.fullName, phone: "84912345678", expiresOn: addDays(today, 45) },
    { serviceKey: "pesticide-trading-certificate", documentNo: "BVTV-DEMO-03", holderKind: "organization" as const, holderName: "Đại lý vật tư nông nghiệp Tân Ninh", phone: "84987654321", expiresOn: addDays(today, 30) },
    { serviceKey: "petrol-retail-certificate", documentNo: "CHXD-DEMO-07", holderKind: "organization" as const, holderName: "Cửa hàng xăng dầu Tân Ninh", phone: "84912345678", expiresOn: addDays(today, 90) },
  ];
  for (const d of docs) {
    if (!deps.catalogue.has(d.serviceKey)) continue;
    // documents_service_no_uq: the document is there already, with its reminders (the transaction
    // that lost the race rolled back its own).
    await once(() =>
      deps.db.transaction(async (tx) => {
        const doc = await insertDocument(tx, { id: deps.newId(), ...d, updatedAt: now });
        await planDocumentReminders({ db: tx, newId: deps.newId }, deps.catalogue, doc, now, (date, at) => (date <= today ? at : noticeInstant(date, at)));
      }),
    );
  }
}
