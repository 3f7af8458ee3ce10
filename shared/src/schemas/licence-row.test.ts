import { describe, expect, it } from "vitest";
import { licenceRowSchema, mapLicenceHeaders, parseContractDate, excelSerialToDate } from "./licence-row.js";
import { zodIssuesToFields } from "./error.js";

describe("contract 4 headers", () => {
  it("accepts English keys and Vietnamese labels, in any case and spacing", () => {
    const r = mapLicenceHeaders(["Mã dịch vụ", "document_no", "LOẠI CHỦ THỂ", " Tên tổ chức/cá nhân ", "Số điện thoại", "Ngày hết hạn", "Ghi chú"]);
    expect(r.columns).toEqual(["service_code", "document_no", "holder_kind", "holder_name", "phone", "expires_on", null]);
    expect(r.unknown).toEqual(["Ghi chú"]);
    expect(r.missing).toEqual([]);
  });

  it("accepts a label typed without its diacritics, or a key with spaces or dashes", () => {
    const r = mapLicenceHeaders(["Ma dich vu", "So giay phep", "loai chu the", "Ten to chuc/ca nhan", "So dien thoai", "Service Code", "holder-id", "NGAY HET HAN", "Lý do"]);
    expect(r.columns).toEqual(["service_code", "document_no", "holder_kind", "holder_name", "phone", "service_code", "holder_id", "expires_on", null]);
    // The reason column of our own rejected-rows file is neither unknown nor a lookalike.
    expect([r.unknown, r.lookalike]).toEqual([[], []]);
  });

  // Finding 6 (issue 13): a misspelled "So dien thoa" header lost every phone of the file, silently.
  it("says which known column an unknown header looks like: misspelled, or a common name for it", () => {
    const r = mapLicenceHeaders(["Mã dịch vụ", "Số giấy phép", "Loại chủ thể", "Tên tổ chức, cá nhân", "So dien thoa", "Ngày hết hạng", "CCCD", "SĐT", "Ghi chú", "STT"]);
    expect(r.unknown).toEqual(["Tên tổ chức, cá nhân", "So dien thoa", "Ngày hết hạng", "CCCD", "SĐT", "Ghi chú", "STT"]);
    expect(r.lookalike).toEqual([
      { header: "Tên tổ chức, cá nhân", column: "holder_name" },
      { header: "So dien thoa", column: "phone" },
      { header: "Ngày hết hạng", column: "expires_on" },
      { header: "CCCD", column: "holder_id" },
      { header: "SĐT", column: "phone" },
    ]);
    expect(r.missing).toEqual(["holder_name", "expires_on"]);
  });

  it("reports missing required and duplicated columns", () => {
    const r = mapLicenceHeaders(["service_code", "Mã dịch vụ", "holder_name"]);
    expect(r.missing).toEqual(["document_no", "holder_kind", "expires_on"]);
    expect(r.duplicate).toEqual(["service_code"]);
  });
});

describe("contract 4 dates", () => {
  it.each([
    ["2027-03-31", "2027-03-31"],
    ["31/03/2027", "2027-03-31"],
    ["1/3/2027", "2027-03-01"],
    ["01.03.2027", "2027-03-01"],
    [46477, "2027-03-31"], // Excel serial for 2027-03-31
    [new Date("2027-03-31T00:00:00Z"), "2027-03-31"],
  ])("%j → %s", (input, out) => {
    expect(parseContractDate(input)).toEqual({ ok: true, value: out });
  });

  it.each(["2027-02-29", "31/02/2027", "03/31/2027", "next year", "", null])("%j is refused", (input) => {
    expect(parseContractDate(input).ok).toBe(false);
  });

  it("reads Excel serials", () => {
    expect(excelSerialToDate(45658)).toBe("2025-01-01");
    expect(excelSerialToDate(-1)).toBeNull();
  });
});

describe("licenceRowSchema", () => {
  const good = { service_code: "food-safety-certificate", document_no: "123/2024/GCNATTP", holder_kind: "Tổ chức", holder_name: "Công ty TNHH Thực phẩm Tây Ninh", holder_id: "3901234567", phone: "+84 912 345 678", issued_on: "15/03/2024", expires_on: "2027-03-15", ward_code: "25453", address: "Phường Tân Ninh" };

  it("normalises a good row", () => {
    expect(licenceRowSchema.parse(good)).toEqual({ ...good, holder_kind: "organization", phone: "84912345678", issued_on: "2024-03-15" });
  });

  it("names every bad column with its reason", () => {
    const r = licenceRowSchema.safeParse({ ...good, holder_kind: "công ty", phone: "12345", expires_on: "31/02/2027", ward_code: "ABC", document_no: "" });
    expect(r.success).toBe(false);
    const fields = r.success ? [] : zodIssuesToFields(r.error.issues);
    expect(fields.map((f) => f.path).sort()).toEqual(["document_no", "expires_on", "holder_kind", "phone", "ward_code"]);
  });

  it.each([
    [{ holder_kind: "Cá nhân", holder_id: "3901234567" }, "ID number"],
    [{ holder_kind: "Tổ chức", holder_id: "39012345" }, "10 or 13 digits"],
    [{ issued_on: "2028-01-01" }, "before issued_on"],
  ])("%j → %s", (over, fragment) => {
    const r = licenceRowSchema.safeParse({ ...good, ...over });
    expect(r.success).toBe(false);
    expect(r.success ? "" : r.error.issues.map((i) => i.message).join(" ")).toContain(fragment);
  });

  it("accepts a person with a valid ID and no optional columns", () => {
    expect(licenceRowSchema.safeParse({ service_code: "tour-guide-card", document_no: "HDV-1", holder_kind: "person", holder_name: "Lê Văn Hùng", holder_id: "072 092 004 321", expires_on: "2027-01-01" }).success).toBe(true);
  });
});
