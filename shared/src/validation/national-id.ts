/**
 * The 12-digit personal identification number `PPP G YY NNNNNN`.
 * Source: Decree 137/2015/NĐ-CP art. 13 and Circular 07/2016/TT-BCA art. 7
 * (kept by Luật Căn cước 26/2023/QH15): PPP is the province where the birth was registered,
 * G encodes century and sex, YY is the last two digits of the year of birth.
 */

/**
 * Province codes of TT 07/2016/TT-BCA (the 63 provinces before the 2025 merger). ID numbers do not
 * change with Resolution 202/2025/QH15, so every code stays valid (072 and 080 are both today's Tây Ninh).
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
  "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
  "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
  "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
  "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
  "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
  "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
  "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
  "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
  "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu", "079": "TP. Hồ Chí Minh",
  "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
  "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
  "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
};

export type Sex = "male" | "female";

export type NationalIdCheck =
  | { ok: true; provinceCode: string; sex: Sex; birthYear: number }
  | { ok: false; reason: NationalIdProblem };

export type NationalIdProblem =
  | "not_12_digits"
  | "unknown_province"
  | "century_mismatch"
  | "year_mismatch"
  | "sex_mismatch";

/** Human-readable reasons (English; user-facing text goes through i18next keys `validation.nationalId.*`). */
export const NATIONAL_ID_PROBLEM_TEXT: Readonly<Record<NationalIdProblem, string>> = {
  not_12_digits: "must be exactly 12 digits",
  unknown_province: "starts with a province code that does not exist (001–096)",
  century_mismatch: "has a century digit (4th) that does not match the date of birth",
  year_mismatch: "has birth-year digits (5th–6th) that do not match the date of birth",
  sex_mismatch: "has a sex digit (4th) that does not match the sex given",
};

/**
 * Decodes a 12-digit ID number and, when known, checks it against the holder's date of birth and sex.
 * Century digit G: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s.
 */
export function checkNationalId(id: string, holder: { dateOfBirth?: string; sex?: Sex } = {}): NationalIdCheck {
  if (!/^\d{12}$/.test(id)) return { ok: false, reason: "not_12_digits" };
  const provinceCode = id.slice(0, 3);
  if (!(provinceCode in PROVINCE_CODES)) return { ok: false, reason: "unknown_province" };
  const g = Number(id[3]);
  const yy = Number(id.slice(4, 6));
  const century = 1900 + Math.floor(g / 2) * 100;
  const sex: Sex = g % 2 === 0 ? "male" : "female";
  const birthYear = century + yy;
  if (holder.dateOfBirth) {
    const year = Number(holder.dateOfBirth.slice(0, 4));
    if (Math.floor(year / 100) * 100 !== century) return { ok: false, reason: "century_mismatch" };
    if (year % 100 !== yy) return { ok: false, reason: "year_mismatch" };
  }
  if (holder.sex && holder.sex !== sex) return { ok: false, reason: "sex_mismatch" };
  return { ok: true, provinceCode, sex, birthYear };
}
