import { describe, expect, it } from "vitest";
import { analyze, fromTelex, isSyllable, repairTerms, tokenize, withBigrams } from "./normalize.js";

const terms = (text: string) => analyze(text).join(" ");

describe("analyze: folding, punctuation, case", () => {
  it.each([
    ["Đăng ký khai sinh", "dang ky khai sinh"],
    ["ĐĂNG KÝ KHAI SINH!!!", "dang ky khai sinh"],
    ["dang ky khai sinh", "dang ky khai sinh"],
    // decomposed input (NFD) folds the same as NFC
    ["Đăng ky\u0301 khai sinh", "dang ky khai sinh"],
    // Icelandic eth typed for Đ
    ["\u00D0ăng ký", "dang ky"],
    ["X-quang, PET/CT", "x quang pet ct"],
    ["", ""],
    ["   ?!  ", ""],
  ])("%j → %j", (input, expected) => {
    expect(terms(input)).toBe(expected);
  });
});

describe("analyze: abbreviations and teen-code", () => {
  it.each([
    // không, được: question fillers, dropped
    ["ko nhan dc tin", "nhan tin"],
    ["k nhận đc", "nhan"],
    ["hok biết", ""],
    ["hông có", ""],
    // "hong" without accents stays: it is as often "hỏng" (broken)
    ["the bi hong", "the hong"],
    ["thẻ bị hỏng", "the hong"],
    // bn / j
    ["phi bn tien", "phi bao nhieu tien"],
    ["lam j", ""],
    // documents
    ["sdt", "so dien thoai"],
    ["sđt", "so dien thoai"],
    ["bhyt", "bao hiem y te"],
    ["cccd het han", "can cuoc het han"],
    ["cmnd", "can cuoc"],
    ["chứng minh nhân dân", "can cuoc"],
    ["căn cước công dân", "can cuoc"],
    ["gplx", "giay phep lai xe"],
    ["bằng lái xe", "giay phep lai xe"],
    // đk is "đăng ký" in a public-service chat, not "được"
    ["đk khai sinh", "dang ky khai sinh"],
    ["dki", "dang ky"],
    ["dang ki", "dang ky"],
    // ks: khai sinh, but khách sạn before a star count
    ["dk ks", "dang ky khai sinh"],
    ["ks 3 sao", "khach san 3 sao"],
    ["hạng ks", "hang khach san"],
    // kt: khai tử near a death, kiểm tra otherwise
    ["dk kt cho ong", "dang ky khai tu ong"],
    ["lam kt", "khai tu"],
    ["kt ho so", "kiem tra ho so"],
    // "sao" is a star after a number, a filler otherwise
    ["khach san 2 sao", "khach san 2 sao"],
    ["lam sao", ""],
  ])("%j → %j", (input, expected) => {
    expect(terms(input)).toBe(expected);
  });
});

describe("analyze: context and synonyms", () => {
  it.each([
    // units after a number
    ["25t", "25 tuoi"],
    ["3th", "3 thang"],
    ["60ng", "60 ngay"],
    ["21h", "21 gio"],
    // children
    ["bé 2 tháng", "tre 2 thang"],
    ["cho con", "tre"],
    ["còn hạn", "con han"],
    // Southern words
    ["chích ngừa cho bé", "tiem tre"],
    ["sanh con", "sinh tre"],
    // a newborn, however said ("vừa" like "mới")
    ["vừa sanh", "so sinh"],
    ["vua de xong", "so sinh"],
    // plain, a word of these compounds is a stopword: one term for both ways of typing
    ["du lieu ca nhan", "du lieu ca_nhan"],
    ["dữ liệu cá nhân", "du lieu ca_nhan"],
    ["nha nuoc", "nha_nuoc"],
    ["sổ hồng", "so_do"],
    // progress, capability, small talk, a missed appointment
    ["Hồ sơ của tôi tới đâu rồi?", "ho so tien_do"],
    ["ho so cua toi toi dau roi", "ho so tien_do"],
    ["OA nay lam dc j vay", "oa chuc_nang"],
    ["may gio roi", "gio_hien_tai"],
    ["tre lich chich ngua", "lo lich tiem"],
    ["số tổng đài", "so tong_dai"],
    ["hotline", "tong_dai"],
    // "cần" and "căn" both fold to "can"
    ["can lam gi", ""],
    ["can cuoc", "can cuoc"],
    // "bạn" and "bán" both fold to "ban"
    ["ban oi", ""],
    ["ban le xang dau", "ban le xang dau"],
    ["buon ban thuoc", "buon ban thuoc"],
    // "đi" is a filler, "di" in "di tích" is not
    ["di lam khai sinh", "khai sinh"],
    ["tu bo di tich", "tu bo di tich"],
    // switching off
    ["dừng nhận tin", "tat nhan tin"],
    ["dung nhan tin", "tat nhan tin"],
    ["hủy nhận thông báo", "tat nhan thong bao"],
    // accents decide the stopword: "có" is one, "cơ" is not
    ["có cơ sở", "co so"],
    ["muốn", ""],
    ["muộn", "muon"],
    // compounds kept apart from their parts
    ["người yêu", "nguoi_yeu"],
    ["chuẩn bị", "chuan_bi"],
    ["cảm ơn", ""],
    // company, app
    ["cty", "doanh nghiep"],
    ["tải thêm app", "cai ung dung"],
  ])("%j → %j", (input, expected) => {
    expect(terms(input)).toBe(expected);
  });
});

describe("analyze: spelling", () => {
  it.each([
    ["khongggg", ""],
    ["chungg", "chung"],
    // a double u or o is Vietnamese: lưu, hưu, xoong
    ["lưu trú", "luu tru"],
    ["kí", "ky"],
    ["lí lịch", "ly lich"],
    // English plurals and endings: no Vietnamese syllable ends in s
    ["agencies", "agency"],
    ["renewal renewed renewing", "renew renew renew"],
    // a silent final e: lapse, lapses, lapsed meet
    ["lapse lapses lapsed change changed", "laps laps laps chang chang"],
    // English stopwords with a doubled letter are stopwords before it is collapsed
    ["I need to tell you", "to"],
  ])("%j → %j", (input, expected) => {
    expect(terms(input)).toBe(expected);
  });

  it.each([
    ["vaccines", "vaccine"],
    ["fees", "fee"],
    ["registered", "register"],
    ["khai sinhh", "khai sinh"],
    ["hoà", "hòa"],
    ["thuý", "thúy"],
  ])("%j is read as %j", (a, b) => {
    expect(terms(a)).toBe(terms(b));
  });
});

describe("analyze: English text", () => {
  it("drops articles in an entry's English text, where 'be' or 'can' must not become trẻ or căn", () => {
    expect(analyze("The card can be renewed", { english: true })).toEqual(["card", "renew"]);
    // in a question (language unknown) they go through the Vietnamese rules
    expect(analyze("can be")).toEqual(["tre"]);
  });
});

describe("bigrams", () => {
  it("adds syllable pairs after the unigrams", () => {
    expect(withBigrams(["khai", "sinh", "tre"])).toEqual(["khai", "sinh", "tre", "khai_sinh", "sinh_tre"]);
    expect(analyze("khai sinh", { bigrams: true })).toEqual(["khai", "sinh", "khai_sinh"]);
  });

  it("tokenize (given to MiniSearch) is the unigram analysis", () => {
    expect(tokenize("Đăng ký khai sinh")).toEqual(["dang", "ky", "khai", "sinh"]);
  });
});

describe("syllables and repairs", () => {
  it.each([
    ["khai", true],
    ["nghieng", true],
    ["truong", true],
    ["numbe", false],
    ["sinhf", false],
    ["vneid", false],
  ])("isSyllable(%j) = %j", (w, expected) => {
    expect(isSyllable(w)).toBe(expected);
  });

  it.each([
    ["sinhf", "sinh"],
    ["kys", "ky"],
    ["dawng", "dang"],
    ["nguowi", "nguoi"],
    ["tieengs", "tieng"],
    ["hajn", "han"],
    ["thuowngf", "thuong"],
    ["khai", undefined],
    ["english", undefined],
  ])("fromTelex(%j) = %j", (w, expected) => {
    expect(fromTelex(w)).toBe(expected);
  });

  const vocabulary = new Set(["khai", "sinh", "dang", "ky", "tam", "tru", "gia", "han"]);
  const known = (t: string) => vocabulary.has(t);
  it.each([
    [["khai", "sinhf"], ["khai", "sinh"]],
    [["khaisinh"], ["khai", "sinh"]],
    [["dangkykhaisinh"], ["dangkykhaisinh"]], // four syllables: left alone
    [["giahantamtru"], ["giahantamtru"]],
    [["tamtru"], ["tam", "tru"]],
    [["zzz"], ["zzz"]],
  ])("repairTerms(%j) = %j", (input, expected) => {
    expect(repairTerms(input, known)).toEqual(expected);
  });
});
