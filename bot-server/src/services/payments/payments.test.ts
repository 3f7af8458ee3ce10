/**
 * Plan 920 row 3 (seed 000: "Trợ cấp Tết người có công … Không có đơn từ"): the department's list is
 * imported, the payment list prepared for the treasury, approved once by another officer, and each
 * beneficiary told on Zalo what they will receive and when; a mistake they report reaches staff.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rejectedRowsPage, type StaffUser } from "@hccd/db";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { followEvent } from "../../webhook/events.js";
import { createStaffUser } from "../staff/staff-auth.js";
import { startBeneficiaryImport } from "./beneficiary-import.js";
import { approvePaymentList, readPaymentList, treasuryFile } from "./payment-lists.js";
import { resumeImports } from "../imports/import-recovery.js";
import { IMPORT_LEASE_MS } from "../imports/import-run.js";
import { importReasonText } from "../imports/staff-imports.js";
import { smsChannel } from "../delivery/channels/sms.js";

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

const TET = "tet-allowance-meritorious";
const HEADER = "Số CCCD,Họ và tên,Ngày sinh,Diện đối tượng,Số tiền (đồng),Số tài khoản,Ngân hàng,Số điện thoại,Mã xã/phường,Địa chỉ";
const ROWS = {
  onZalo: "072048000101,Nguyễn Văn Bảy,15/08/1948,Thương binh,1.500.000,0123456789,Agribank,0912000101,25471,Ấp 3",
  phoneOnly: "072150000202,Trần Thị Tám,1950-02-01,Thân nhân liệt sĩ,2000000,,,0912000202,25471,Ấp 4",
  noContact: "072045000303,Lê Văn Chín,,Người hoạt động kháng chiến,1500000,,,,25471,Ấp 5",
};
const BAD = {
  badId: "07204800,Phạm Văn Mười,,Thương binh,1500000,,,,,",
  noAmount: "072048000404,Võ Văn Một,,Thương binh,,,,,,",
  duplicate: "072048000101,Nguyễn Văn Bảy,,Thương binh,1500000,,,,,",
  accountWithoutBank: "072048000505,Đỗ Văn Hai,,Thương binh,1500000,0123456789,,,,",
};
const file = (...rows: string[]) => new TextEncoder().encode(`${HEADER}\n${rows.join("\n")}\n`);

/** A Zalo user who follows the OA (so OA messages reach them) and verified their phone in the Mini App. */
async function follower(w: TestWorld, phone: string) {
  const user = w.chatUser();
  await w.verifyPhone(user, phone);
  await w.sendEvent(followEvent(w.secrets, user, w.clock.now()));
  await w.settle();
  return user;
}

async function world() {
  const w = await createTestWorld();
  worlds.push(w);
  const staff = async (username: string): Promise<StaffUser> => createStaffUser(w.services, { username, displayName: username === "nv.lan" ? "Nguyễn Thị Lan" : "Trần Văn Hòa", password: "mat-khau-du-dai-12", role: "department", agency: "Sở Nội vụ" });
  const preparer = await staff("nv.lan");
  const approver = await staff("nv.hoa");
  const deps = { ...w.services, jobs: w.jobs, catalogue: w.catalogue, importDir: w.importDir };
  const importList = async (content: Uint8Array, by = preparer) => {
    const r = await startBeneficiaryImport(deps, { staff: by, programmeKey: TET, paymentDate: "2027-01-28", fileName: "nguoi-co-cong.csv", content });
    await w.jobs.idle();
    return r;
  };
  return { w, deps, preparer, approver, importList };
}

describe("the Tết allowance list", () => {
  it("imports good rows, reports each bad one by row and column, and a second upload of the same file changes nothing", async () => {
    const { w, importList } = await world();
    const { importId, listId } = await importList(file(ROWS.onZalo, ROWS.phoneOnly, ROWS.noContact, BAD.badId, BAD.noAmount, BAD.duplicate, BAD.accountWithoutBank));
    const imp = await w.one<{ status: string; created: number; rejected: number; kind: string }>(sql`select status, created, rejected, kind from imports where id = ${importId}`);
    expect(imp).toEqual({ status: "finished", created: 3, rejected: 4, kind: "payment_beneficiaries" });
    const problems = await rejectedRowsPage(w.db, importId, { offset: 0, limit: 10 });
    expect(problems.map((p) => [p.row, p.problems])).toEqual([
      [5, [{ column: "national_id", reason: "the ID number must be exactly 12 digits" }]],
      [6, [{ column: "amount", reason: "is required" }]],
      [7, [{ column: "national_id", reason: "is already listed on row 2" }]],
      [8, [{ column: "bank", reason: "is required with an account number" }]],
    ]);
    const again = await importList(file(ROWS.onZalo, ROWS.phoneOnly, ROWS.noContact));
    expect(again.listId).toBe(listId);
    expect(await w.one(sql`select created, updated, unchanged from imports where id = ${again.importId}`)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await w.one(sql`select count(*) as n from payment_beneficiaries`)).toEqual({ n: 3 });
  });

  it("refuses a file without the amount column, naming it, when the programme takes amounts from the list", async () => {
    const { w, importList } = await world();
    const { importId } = await importList(new TextEncoder().encode("Số CCCD,Họ và tên,Diện đối tượng\n072048000101,Nguyễn Văn Bảy,Thương binh\n"));
    expect(await w.one(sql`select status from imports where id = ${importId}`)).toEqual({ status: "failed" });
    const [header] = await rejectedRowsPage(w.db, importId, { offset: 0, limit: 10 });
    expect(header!.problems).toEqual([expect.objectContaining({ column: "amount" })]);
  });

  it("prepares the treasury's file: one line per person with account and amount, then the total", async () => {
    const { w, preparer, importList } = await world();
    const { listId } = await importList(file(ROWS.onZalo, ROWS.phoneOnly, ROWS.noContact));
    const csv = await treasuryFile(w.services, preparer, listId, { lang: "vi", format: "csv" });
    expect(csv.fileName).toBe(`${TET}-2027-01-28-du-thao.csv`);
    const lines = (csv.body as string).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toBe("STT,Họ và tên,Số CCCD,Ngày sinh,Diện đối tượng,Số tài khoản,Ngân hàng,Số tiền (đồng),Mã xã/phường,Địa chỉ");
    expect(lines).toContain("3,Trần Thị Tám,072150000202,1950-02-01,Thân nhân liệt sĩ,,,2000000,25471,Ấp 4");
    expect(lines.at(-1)).toBe(",Tổng cộng: 3 người,,,,,,5000000,,");
    expect(await w.one(sql`select count(*) as n from audit_log where action = 'payment_list.exported'`)).toEqual({ n: 1 });
  });

  it("is approved once, by another officer than the one who imported it; then it takes no more rows", async () => {
    const { w, deps, preparer, approver, importList } = await world();
    const { listId } = await importList(file(ROWS.onZalo));
    await expect(approvePaymentList(deps, preparer, listId)).rejects.toMatchObject({ status: 403 });
    // Two officers' clicks (or two instances) at once: one approval.
    const [a, b] = await Promise.all([approvePaymentList(deps, approver, listId), approvePaymentList(deps, approver, listId)]);
    expect([a.approvedNow, b.approvedNow].sort()).toEqual([false, true]);
    await w.jobs.idle();
    expect(await w.one(sql`select status, approved_by as "approvedBy" from payment_lists where id = ${listId}`)).toEqual({ status: "notified", approvedBy: approver.id });
    expect(await w.one(sql`select count(*) as n from audit_log where action = 'payment_list.approved' and actor_id = ${approver.id}`)).toEqual({ n: 1 });
    await expect(startBeneficiaryImport(deps, { staff: preparer, programmeKey: TET, paymentDate: "2027-01-28", fileName: "bo-sung.csv", content: file(ROWS.phoneOnly) })).rejects.toMatchObject({ status: 409, code: "payment_list_approved" });
  });

  it("tells each beneficiary what they will receive and when: on Zalo, by ZNS to a phone, and lists those nobody can reach", async () => {
    const { w, deps, approver, importList } = await world();
    const user = await follower(w, "0912000101");
    const { listId } = await importList(file(ROWS.onZalo, ROWS.phoneOnly, ROWS.noContact));
    await approvePaymentList(deps, approver, listId);
    await w.jobs.idle();
    await w.worker.drain();
    const oa = w.inbox(user).at(-1)!;
    expect(oa.text).toBe("Kính gửi Ông/Bà Nguyễn Văn Bảy, Ông/Bà có tên trong danh sách Trợ cấp Tết cho người có công. Số tiền Ông/Bà được nhận là 1.500.000 đồng, chuyển vào tài khoản của Ông/Bà qua Kho bạc Nhà nước vào ngày 28/01/2027. Ông/Bà không cần làm đơn. Nếu thông tin chưa đúng, Ông/Bà vui lòng bấm «Báo thông tin chưa đúng» để cán bộ kiểm tra.");
    expect(oa.buttons).toEqual([expect.objectContaining({ title: "Báo thông tin chưa đúng" })]);
    const zns = w.sim!.zalo!.messages({ phone: "84912000202" });
    expect(zns).toHaveLength(1);
    expect(zns[0]!.text).toContain("2.000.000 đồng");
    const detail = await readPaymentList(w.services, approver, listId);
    expect(detail.totals).toMatchObject({ people: 3, amountVnd: 5_000_000, queued: 2, unreachable: 1 });
    expect(detail.unreachable.map((b) => b.fullName)).toEqual(["Lê Văn Chín"]);
  });

  it("a beneficiary's mistake report opens a ticket staff see, once; nobody else can report on their notice", async () => {
    const { w, deps, approver, importList } = await world();
    const user = await follower(w, "0912000101");
    const { listId } = await importList(file(ROWS.onZalo));
    await approvePaymentList(deps, approver, listId);
    await w.jobs.idle();
    await w.worker.drain();
    const payload = w.sim!.zalo!.messages({ userId: user.oaUserId }).at(-1)!.buttons[0]!.payload!;

    const stranger = w.chatUser();
    await w.verifyPhone(stranger, "0912999999");
    expect((await w.ask(stranger, payload))[0]!.text).toContain("không tìm thấy thông báo chi trả");

    expect((await w.ask(user, payload))[0]!.text).toContain("Đã chuyển thông tin anh/chị báo cho cán bộ");
    expect((await w.ask(user, payload))[0]!.text).toContain("đã nhận thông tin anh/chị báo");
    const ticket = await w.one<{ status: string; reason: string }>(sql`select status, reason from handover_tickets`);
    expect(ticket).toEqual({ status: "open", reason: "Báo thông tin chưa đúng — Trợ cấp Tết cho người có công, chi ngày 28/01/2027: Nguyễn Văn Bảy, 1.500.000 đồng." });
    expect((await readPaymentList(w.services, approver, listId)).reported.map((b) => b.fullName)).toEqual(["Nguyễn Văn Bảy"]);
  });

  // A notice by ZNS or SMS has no button: its text asks the beneficiary to write to the OA (ZNS) or
  // to tell the ward (SMS). What they write from a phone Zalo verified is linked to the entry
  // the notice went to, as the button's report is.
  it("a beneficiary told by ZNS writes to the OA that it is wrong: the report reaches staff linked to their entry, with their words", async () => {
    const { w, deps, approver, importList } = await world();
    const { listId } = await importList(file(ROWS.onZalo, ROWS.phoneOnly));
    await approvePaymentList(deps, approver, listId);
    await w.jobs.idle();
    await w.worker.drain();
    expect(w.sim!.zalo!.messages({ phone: "84912000202" })).toHaveLength(1); // by ZNS, no button
    const tam = await follower(w, "0912000202");
    const words = "Số tiền Tết của tôi bị sai, tôi là thân nhân liệt sĩ hai người";
    expect((await w.ask(tam, words))[0]!.text).toContain("Đã chuyển thông tin anh/chị báo cho cán bộ");
    const ticket = await w.one<{ id: string; reason: string }>(sql`select id, reason from handover_tickets`);
    expect(ticket!.reason).toBe("Báo thông tin chưa đúng — Trợ cấp Tết cho người có công, chi ngày 28/01/2027: Trần Thị Tám, 2.000.000 đồng.");
    expect((await w.rows<{ text: string }>(sql`select text from handover_messages where ticket_id = ${ticket!.id} order by id`)).map((m) => m.text)).toEqual([ticket!.reason, words]);
    expect(await w.one(sql`select full_name as name, mistake_ticket_id as ticket from payment_beneficiaries where mistake_reported_at is not null`)).toEqual({ name: "Trần Thị Tám", ticket: ticket!.id });
    // Once reported, more words go to the same ticket.
    expect((await w.ask(tam, "thông tin chưa đúng"))[0]!.text).toContain("đã nhận thông tin anh/chị báo");
  });

  it("a phone two beneficiaries share: the citizen chooses whose notice is wrong; someone with no notice is not taken for a report", async () => {
    const { w, deps, approver, importList } = await world();
    const { listId } = await importList(file(ROWS.phoneOnly, "072048000606,Trần Văn Sáu,1948-03-01,Thương binh,1500000,,,0912000202,25471,Ấp 4"));
    await approvePaymentList(deps, approver, listId);
    await w.jobs.idle();
    await w.worker.drain();
    const family = await follower(w, "0912000202");
    const [reply] = await w.ask(family, "thông tin chưa đúng");
    expect(reply!.buttons.map((b) => b.title).sort()).toEqual(["Trần Thị Tám", "Trần Văn Sáu"]);
    expect(await w.one(sql`select count(*) as n from handover_tickets`)).toEqual({ n: 0 });
    const sau = reply!.buttons.find((b) => b.title === "Trần Văn Sáu") as { payload?: string };
    expect((await w.ask(family, sau.payload!))[0]!.text).toContain("Đã chuyển thông tin anh/chị báo cho cán bộ");
    expect((await readPaymentList(w.services, approver, listId)).reported.map((b) => b.fullName)).toEqual(["Trần Văn Sáu"]);

    const stranger = await follower(w, "0912999999");
    await w.ask(stranger, "Số tiền Tết của tôi bị sai");
    expect(await w.one(sql`select count(*) as n from handover_tickets`)).toEqual({ n: 1 });
  });

  it("an import whose instance died is resumed by another with the beneficiary importer, not contract 4's", async () => {
    const { w, deps, preparer } = await world();
    // The instance that took the upload dies before running it.
    const lost: (() => Promise<unknown>)[] = [];
    const dying = { ...deps, jobs: { ...deps.jobs, run: (_name: string, work: () => Promise<unknown>) => void lost.push(work) } };
    const { importId } = await startBeneficiaryImport(dying, { staff: preparer, programmeKey: TET, paymentDate: "2027-01-28", fileName: "nguoi-co-cong.csv", content: file(ROWS.onZalo, ROWS.phoneOnly) });
    w.clock.advance(IMPORT_LEASE_MS + 1);
    expect(await resumeImports(deps, { holder: "instance-b.example:202:bbbb0000" })).toEqual({ resumed: [importId], failed: [] });
    await w.jobs.idle();
    expect(await w.one(sql`select status, created, rejected from imports where id = ${importId}`)).toEqual({ status: "finished", created: 2, rejected: 0 });
  });

  it("says the list's reasons in the officer's language", () => {
    for (const reason of ["must be a whole number of đồng between 1 and 100000000", "is already listed on row 2", "is required with an account number", "must be 6 to 20 digits", "has no configured amount on 2028-01-01", "differs from the programme's amount (500000)", "the ID number must be exactly 12 digits"]) {
      expect(importReasonText(reason, "vi"), reason).not.toBe(reason);
    }
    expect(importReasonText("is already listed on row 2", "vi")).toBe("người này đã có ở dòng 2: mỗi người một dòng");
  });

  it("by SMS, the notice says whom to tell of a mistake (an SMS has no button), within three parts", () => {
    const sms = smsChannel.render(
      {
        message: { type: "payment_notice", beneficiaryId: "b-1", serviceKey: TET, params: { fullName: "Trần Thị Tám", programmeName: { vi: "Trợ cấp Tết cho người có công", en: "Tết allowance" }, amountVnd: 2_000_000, paymentDate: "2027-01-28", channel: "bank_account", payer: "Kho bạc Nhà nước" } },
        recipient: { oaUserId: null, phone: "84912000202", language: "vi" },
      },
      {} as never,
    );
    expect(sms.text).toContain("2.000.000 dong");
    expect(sms.text).toContain("bao can bo xa, phuong");
    expect(sms.text).not.toContain("bam");
  });
});
