/**
 * The Vietnamese normaliser of the FAQ, used for BOTH the index and the question, so that whatever
 * it does to a word it does on both sides.
 *
 * Citizens type on phones: often without diacritics, with chat abbreviations ("ko", "dc", "bn"),
 * with Telex left-overs when the keyboard's input method is off ("khai sinhf"), words glued
 * together, or the Southern word for a thing ("chích ngừa" for "tiêm phòng"). The steps, in order:
 *
 * 1. NFC, lower case, split on anything that is not a letter or a digit; "14t" → "14" "t".
 * 2. Each token is folded with `foldVietnamese` (diacritics removed, đ → d), keeping the toned form
 *    for the few decisions that need it ("hông" = không, but "hỏng" = broken).
 * 3. Abbreviations and teen-code are expanded (table below, every ambiguous one decided and
 *    commented), with the context-dependent ones ("ks", "kt", "sao", "ban", "can", "di", units
 *    after a number) decided by their neighbours, and every word for a child read as "trẻ".
 * 4. Phrase synonyms map every name of one thing to one form (CMND/CCCD/chứng minh thư → căn cước);
 *    a few compounds become one term so their parts do not match alone ("người yêu", "chuẩn bị").
 * 5. Light spelling normalisation: repeated letters collapsed ("khongggg"), i/y variants
 *    ("ky"/"ki"), English plurals and endings ("renewed" → "renew"; no Vietnamese syllable ends
 *    in s).
 * 6. A small stopword list (pronouns, particles and question fillers) is dropped: these words carry
 *    no topic and, being absent from the entries, would otherwise lower the confidence. Then the
 *    phrases are applied once more, now that fillers no longer split them.
 *
 * Vocabulary-aware repairs (Telex residue, glued syllables) need the index's vocabulary and live in
 * `repairTerms`, which the engine applies to question terms that the index does not know.
 */
import { foldVietnamese } from "@hccd/shared";

/** Options of the analysis. `bigrams` adds syllable pairs ("khai_sinh") after the unigrams. */
export interface AnalyzeOptions {
  bigrams?: boolean;
  /**
   * The text is English (an entry's English fields): the Vietnamese teen-code and child words are
   * not applied and English articles are dropped, so that "be" or "can" in an English sentence do
   * not become "trẻ" or "căn".
   */
  english?: boolean;
}

/**
 * Abbreviations and teen-code, keyed by the folded token. A value may be several words.
 * Decisions on the ambiguous ones:
 * - "k", "ko", "kg", "khg", "kh", "hok", "hem", "khum" → không. "hong" without diacritics is left
 *   alone (it is as often "hỏng", a broken card); "hông" with its accent is handled in TONED.
 * - "dk"/"đk" → đăng ký, not "được": in a public-service chat "đk khai sinh" is the usual sense.
 * - "dc"/"đc" → được (a stopword), not "địa chỉ".
 * - "bn" → bao nhiêu, not "bạn": "phí bn" is the question that matters; a stray "bạn" adds two
 *   common words that weigh little.
 * - "mk" → mật khẩu (VNeID password questions), while "mik"/"mjk"/"mh" → mình (a stopword).
 * - "tt" is left out on purpose: thủ tục, thông tin, thanh toán, thông tư, tạm trú… it is dropped.
 * - "ks", "kt", "ng", "t", "th", "h", "n" depend on their neighbours: see `expandInContext`.
 * - "cccd", "cmnd", "cmt" → căn cước: the 2023 law renamed the card, citizens use all three.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  k: "khong", ko: "khong", kg: "khong", khg: "khong", kh: "khong", hok: "khong", hem: "khong", khum: "khong", hk: "ho khau",
  dc: "duoc",
  dk: "dang ky", dky: "dang ky", dki: "dang ky", dgky: "dang ky",
  dkks: "dang ky khai sinh", gks: "giay khai sinh", dkkt: "dang ky khai tu",
  bn: "bao nhieu", bnh: "bao nhieu", bnhieu: "bao nhieu", baonhieu: "bao nhieu", nhiu: "nhieu",
  j: "gi", ji: "gi", z: "vay", v: "vay", r: "roi", oy: "roi", ntn: "nhu the nao", lsao: "lam sao",
  sdt: "so dien thoai", sdth: "so dien thoai", dt: "dien thoai", dthoai: "dien thoai",
  bhyt: "bao hiem y te", bh: "bao hiem", bhxh: "bao hiem xa hoi", yt: "y te",
  cccd: "can cuoc", ccd: "can cuoc", cmnd: "can cuoc", cmt: "can cuoc", cmtnd: "can cuoc",
  gplx: "giay phep lai xe", blx: "giay phep lai xe",
  hs: "ho so", hso: "ho so", tthc: "thu tuc hanh chinh", dvc: "dich vu cong", dvctt: "dich vu cong truc tuyen",
  hccd: "hanh chinh cong chu dong", hcc: "hanh chinh cong",
  gcn: "giay chung nhan", gp: "giay phep", gpkd: "giay phep kinh doanh", cchn: "chung chi hanh nghe",
  attp: "an toan thuc pham", vsattp: "an toan thuc pham", hdv: "huong dan vien", bvtv: "bao ve thuc vat",
  kcb: "kham benh chua benh", kbcb: "kham benh chua benh", xq: "x quang", tcvn: "tieu chuan viet nam",
  gpld: "giay phep lao dong", tnld: "tai nan lao dong",
  mk: "mat khau", mik: "minh", mjk: "minh", mh: "minh",
  trc: "truoc", tgian: "thoi gian", tg: "thoi gian", ngta: "nguoi ta",
  app: "ung dung", apps: "ung dung",
  // Switching off without accents (with them, see TONED): "ngung", "huy", "chan" (chặn).
  ngung: "tat", chan: "tat", huy: "tat",
  // Company, household, Southern words: "cty", "hgd", "sanh" (sinh), "chích" (tiêm), "xài" (dùng).
  cty: "doanh nghiep", hgd: "ho gia dinh", sanh: "sinh", chich: "tiem", xai: "dung", nb: "nhat ban",
  // "cc" in this FAQ is the card ("làm lại thẻ cc").
  cc: "can cuoc",
  vs: "voi", wa: "qua", cx: "cung", cg: "cung", ms: "moi", lm: "lam", bit: "biet", bjk: "biet", bik: "biet",
  mun: "muon", lun: "luon", thui: "thoi", ak: "a", ah: "a", uh: "u", xn: "xac nhan", tb: "thong bao",
  vaccin: "vacxin", vacin: "vacxin", vaxin: "vacxin",
  ubnd: "uy ban nhan dan", ub: "uy ban",
};

/** Expansions that depend on the accent actually typed. */
const TONED: Readonly<Record<string, string>> = {
  // Every way of saying "switch off" → "tat" (tắt); "dừng" only with its accent ("dùng" = use).
  "dừng": "tat",
  "ngừng": "tat",
  "ngưng": "tat",
  "hủy": "tat",
  "huỷ": "tat",
  "chặn": "tat",
  "hông": "khong",
  "hổng": "khong",
  "mún": "muon",
  "bít": "biet",
  "hăm": "khong",
};

/**
 * Phrase synonyms on folded words: every way of naming one thing → one form (longest first).
 * Southern usage matters in Tây Ninh: "chích ngừa" is "tiêm". An empty form drops the phrase
 * ("cảm ơn"); an underscore keeps a compound whole ("người yêu" is not "người" + "yêu cầu").
 */
const PHRASES: ReadonlyArray<readonly [string, string]> = [
  ["can cuoc cong dan", "can cuoc"],
  ["chung minh nhan dan", "can cuoc"],
  ["chung minh thu", "can cuoc"],
  ["the can cuoc", "can cuoc"],
  ["the cccd", "can cuoc"],
  ["bang lai xe", "giay phep lai xe"],
  ["bang lai", "giay phep lai xe"],
  ["chich ngua", "tiem"],
  ["tiem ngua", "tiem"],
  ["tiem phong", "tiem"],
  ["bao truoc", "nhac truoc"],
  ["chuan bi", "chuan_bi"],
  ["tra ve", "tra lai"],
  ["nguoi yeu", "nguoi_yeu"],
  ["dung nhan tin", "tat nhan tin"],
  ["bao lich", "nhac lich"],
  ["chich vacxin", "tiem vacxin"],
  ["vac xin", "vacxin"],
  ["giay chung tu", "trich luc khai tu"],
  ["chung tu", "khai tu"],
  ["tu vong", "qua doi"],
  ["tu tran", "qua doi"],
  ["chet", "qua doi"],
  ["uy ban nhan dan", "ubnd"],
  ["uy ban", "ubnd"],
  ["dang ki", "dang ky"],
  ["so dt", "so dien thoai"],
  ["bao nhieu lau", "bao lau"],
  ["bao nhieu ngay", "bao lau ngay"],
  ["khong muon", "tu_choi"],
  ["cam on", ""],
  ["moi de", "so sinh"],
  ["moi sinh", "so sinh"],
  ["cong ty", "doanh nghiep"],
  ["tai ung dung", "cai ung dung"],
  ["tre em", "tre"],
  ["em be", "tre"],
  ["e id", "eid"],
  ["vn eid", "vneid"],
  ["vne id", "vneid"],
  ["v neid", "vneid"],
  ["vneld", "vneid"],
  ["zalo oa", "oa"],
  ["official account", "oa"],
  ["id card", "can cuoc card"],
  ["identity card", "can cuoc card"],
  ["citizen id", "can cuoc"],
  ["x ray", "x quang"],
  ["xray", "x quang"],
  // Without accents a word of these compounds is a stopword ("cả", "nhà" as in "nhé", "tôi"), so
  // only the accented question kept it: one term for both.
  ["ca nhan", "ca_nhan"],
  ["nha nuoc", "nha_nuoc"],
  ["so do", "so_do"],
  ["so hong", "so_do"],
  // "How far has it got": progress of a dossier ("tới đâu rồi" typed plain reads "tôi đâu rồi").
  ["toi dau roi", "tien_do"],
  ["den dau roi", "tien_do"],
  ["o buoc nao", "tien_do"],
  ["toi buoc nao", "tien_do"],
  ["tien do", "tien_do"],
  // "What can it do": the meaning is all in words that are otherwise fillers ("làm được gì").
  ["lam duoc gi", "chuc_nang"],
  ["lam gi duoc", "chuc_nang"],
  ["de lam gi", "chuc_nang"],
  ["giup duoc gi", "chuc_nang"],
  ["ho tro duoc gi", "chuc_nang"],
  ["lam duoc nhung gi", "chuc_nang"],
  ["giup duoc nhung gi", "chuc_nang"],
  ["giup duoc nhung viec gi", "chuc_nang"],
  ["lam duoc nhung viec gi", "chuc_nang"],
  ["ho tro duoc nhung gi", "chuc_nang"],
  // "What time is it" is small talk, not the quiet hours.
  ["may gio roi", "gio_hien_tai"],
  // A newborn: "vừa đẻ", "vừa sinh" like "mới đẻ" ("đẻ" typed plain is "để", a filler).
  ["vua de", "so sinh"],
  ["vua sinh", "so sinh"],
  // "Trễ lịch", "trễ hẹn" typed plain read "trẻ": a missed appointment, not a child.
  ["tre lich", "lo lich"],
  ["tre hen", "lo hen"],
  ["tro lai", "lai"],
  // The hotline by all its names.
  ["duong day nong", "tong_dai"],
  ["tong dai", "tong_dai"],
  ["hotline", "tong_dai"],
  // A fake channel is the scam the citizen fears.
  ["gia mao", "lua dao"],
];

/**
 * Stopwords as typed WITH their accents: pronouns, particles and question fillers. Dropped when
 * typed exactly so ("có" is a filler, "cơ" in "cơ sở" is not; "muốn" is, "muộn" is not).
 */
const STOP_TONED: ReadonlySet<string> = new Set([
  "tôi", "mình", "em", "anh", "chị", "bạn", "ạ", "à", "ơi", "nhé", "nha", "nhá", "vậy", "thế", "gì", "là", "có", "của",
  "thì", "mà", "như", "nào", "với", "và", "hoặc", "cho", "được", "không", "bị", "rồi", "nữa", "xin", "giúp", "hỏi",
  "muốn", "cần", "làm", "để", "ở", "này", "đó", "kia", "các", "những", "một", "cái", "thưa", "dạ", "đã", "đang", "sẽ",
  "phải", "nên", "cũng", "biết", "luôn", "thôi", "ad", "admin", "ơ", "ừ", "u", "hả", "nhỉ", "ấy", "sao",
  "chẳng", "chả", "cả", "bot", "chatbot", "cảm", "ơn", "đây", "vừa", "chưa", "hoài", "mãi", "giùm", "dùm", "đi", "xong", "thêm",
]);

/**
 * Folded forms that stay when typed WITHOUT accents, because the accentless form is as often a
 * content word: "the" (thẻ), "ban" (bán, bản), "chi" (chi trả), "ma" (mã), "cung" (cung cấp),
 * "dang" (đăng ký), "can" (căn cước), "thoi" (thời gian).
 */
const PLAIN_KEEP: ReadonlySet<string> = new Set(["the", "ban", "chi", "ma", "cung", "dang", "can", "thoi"]);

/**
 * English function words. "the", "an", "can", "to", "be", "me" are NOT here: they fold onto
 * Vietnamese content words (thẻ, an toàn, căn cước, giấy tờ, bé, mẹ).
 */
const STOP_ENGLISH = [
  "what", "how", "do", "does", "did", "is", "are", "am", "was", "were", "i", "my", "you", "your", "of", "for", "and",
  "or", "it", "its", "this", "that", "in", "on", "at", "with", "please", "about", "there", "have", "has", "would",
  "could", "should", "will", "need", "want", "tell", "know", "hi", "hello", "hey", "ok", "okay", "thanks", "thank",
];

/** Dropped from English text only: they fold onto Vietnamese words in a Vietnamese question. */
const STOP_ENGLISH_ONLY: ReadonlySet<string> = new Set(["the", "a", "an", "to", "be", "can", "me", "by", "as", "if", "so", "at", "or", "no", "not", "any", "all", "only", "also", "then", "than", "into", "from"]);

/** Stopwords when typed without accents (or produced by an expansion): folded forms of the above. */
const STOP_PLAIN: ReadonlySet<string> = (() => {
  const s = new Set<string>(STOP_ENGLISH);
  for (const w of STOP_TONED) {
    const f = foldVietnamese(w);
    if (!PLAIN_KEEP.has(f)) s.add(f);
  }
  return s;
})();

/** True when `term` (folded, typed without accents) is dropped by the normaliser. */
export function isStopword(term: string): boolean {
  return STOP_PLAIN.has(term);
}

/** Units typed right after a number: "14t" (tuổi), "3th" (tháng), "60ng" (ngày), "21h" (giờ), "5n" (năm). */
const UNITS: Readonly<Record<string, string>> = { t: "tuoi", th: "thang", ng: "ngay", h: "gio", n: "nam", d: "ngay" };

/** Words around "kt" that make it "khai tử" rather than "kiểm tra". */
const DEATH_CONTEXT = new Set(["ky", "lam", "giay", "luc", "qua", "doi", "mat", "chet", "bao", "tu", "ong", "ba", "noi", "ngoai", "than", "tang"]);

const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;
const DIGIT_LETTER = /(?<=\p{N})(?=\p{L})|(?<=\p{L})(?=\p{N})/u;
const IS_NUMBER = /^\p{N}+$/u;

interface RawToken {
  /** as typed, NFC lower case */
  raw: string;
  /** folded (no accents, đ → d) */
  folded: string;
}

const foldCache = new Map<string, string>();
function foldToken(raw: string): string {
  let f = foldCache.get(raw);
  if (f === undefined) {
    f = foldVietnamese(raw);
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(raw, f);
  }
  return f;
}

function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const piece of text.normalize("NFC").toLowerCase().split(TOKEN_SPLIT)) {
    if (!piece) continue;
    for (const part of piece.split(DIGIT_LETTER)) {
      if (part) out.push({ raw: part, folded: foldToken(part) });
    }
  }
  return out;
}

/**
 * Collapses runs of one letter ("khongggg", Telex "ddang"); digits are kept ("1022", "2000"). A
 * double u or o stays: "lưu", "hưu", "xoong" fold to "luu", "huu", "xoong".
 */
function collapseRepeats(word: string): string {
  return word.replace(/([a-z])\1{2,}/g, "$1").replace(/([a-np-tv-z])\1/g, "$1");
}

/** i/y spelling variants of one syllable ("kí"/"ký", "lí"/"lý", "qui"/"quy") → y. */
function unifyIY(word: string): string {
  return /^(k|l|m|t|s|h|qu)i$/.test(word) ? `${word.slice(0, -1)}y` : word;
}

/** English plural: no Vietnamese syllable ends in "s", so a final s on a word of 4+ letters is one. */
function singular(word: string): string {
  if (word.length < 4 || !word.endsWith("s") || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

/** A word on its way through the pipeline; `typed` is the accented form when it was typed so. */
interface Word {
  w: string;
  typed?: string;
  /** never a stopword here ("sao" in "3 sao" is a hotel star) */
  keep?: boolean;
}

/** A table's own entry for a word the user typed ("constructor" is not an abbreviation of Object's). */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Step 3: abbreviations and teen-code, in context. */
function expandInContext(tokens: RawToken[]): Word[] {
  const out: Word[] = [];
  const folded = tokens.map((t) => t.folded);
  const hasDeathContext = folded.some((w) => DEATH_CONTEXT.has(w));
  const push = (expansion: string) => {
    for (const w of expansion.split(" ")) out.push({ w });
  };
  for (let i = 0; i < tokens.length; i++) {
    const { raw, folded: f } = tokens[i]!;
    const prev = out[out.length - 1]?.w;
    const next = folded[i + 1];
    // A unit right after a number: "14t", "60 ng", "21h".
    const unit = own(UNITS, f);
    if (prev !== undefined && IS_NUMBER.test(prev) && unit !== undefined) {
      push(unit);
      continue;
    }
    if (f === "ks") {
      // "ks 3 sao", "hạng ks" → khách sạn; otherwise khai sinh.
      const hotel = (next !== undefined && (IS_NUMBER.test(next) || next === "sao")) || prev === "hang";
      push(hotel ? "khach san" : "khai sinh");
      continue;
    }
    if (f === "kt") {
      // "đk kt", "làm kt", "giấy kt", or any word of death nearby → khai tử; otherwise kiểm tra.
      const death = prev === "ky" || prev === "lam" || prev === "giay" || prev === "luc" || hasDeathContext;
      push(death ? "khai tu" : "kiem tra");
      continue;
    }
    if (f === "ng") {
      push("nguoi");
      continue;
    }
    if (f === "h") {
      push("gio");
      continue;
    }
    if (SINGLE_LETTER_PRONOUNS.has(f)) continue;
    if (f === "sao") {
      // "3 sao", "hạng sao" are hotel stars; elsewhere "sao" is "why/how", a filler.
      if (prev !== undefined && (IS_NUMBER.test(prev) || prev === "hang")) out.push({ w: "sao", keep: true });
      continue;
    }
    // "ban" without accents is "bạn" (a pronoun) unless it is "bán"/"bản" by its neighbours:
    // "buôn bán", "bán lẻ", "bán thuốc", "Nhật Bản", "văn bản", "bản sao".
    if (raw === "ban" && !(prev === "buon" || prev === "nhat" || prev === "van" || next === "le" || next === "thuoc" || next === "sao" || next === "hang" || next === "cam")) continue;
    // "di" without accents is "đi" (a filler) unless it starts "di tích", "di động", "di sản".
    if (raw === "di") {
      if (next === "tich" || next === "dong" || next === "san" || next === "chuyen") out.push({ w: "di", keep: true });
      continue;
    }
    // "cần" typed without accents is "can", like "căn": keep it only before "cước", "hộ", "cứ".
    if (raw === "can" && next !== "cuoc" && next !== "ho" && next !== "cu") continue;
    // Every word for a child → "tre" (trẻ): bé, cháu, con (typed so; "còn" stays).
    if (CHILD.has(raw)) {
      push("tre");
      continue;
    }
    const toned = own(TONED, raw);
    if (toned !== undefined) {
      push(toned);
      continue;
    }
    // Abbreviations are typed without accents, except đ ("đc", "đk", "sđt").
    const expansion = own(ABBREVIATIONS, f);
    if (expansion !== undefined && (raw === f || raw.replace(/đ/g, "d") === f)) {
      push(expansion);
      continue;
    }
    out.push(raw === f ? { w: f } : { w: f, typed: raw });
  }
  return out;
}

/** How people name a child in a question: "bé", "cháu", "con" (not "còn"), "trẻ". */
const CHILD = new Set(["bé", "be", "cháu", "chau", "con", "trẻ", "tre"]);

/** Single letters typed for a pronoun or particle (tôi, em, anh, chị, bạn, mình). */
const SINGLE_LETTER_PRONOUNS = new Set(["t", "e", "a", "c", "b", "m"]);

/** Step 4: phrase synonyms (longest first, left to right). */
const PHRASE_TABLE: ReadonlyArray<{ from: string[]; to: string[] }> = PHRASES.map(([from, to]) => ({ from: from.split(" "), to: to.split(" ") })).sort(
  (a, b) => b.from.length - a.from.length,
);
/** The phrases by their first word (longest first), so that a common first word ("ở", "làm") costs one lookup. */
const PHRASES_BY_FIRST: ReadonlyMap<string, ReadonlyArray<{ from: string[]; to: string[] }>> = (() => {
  const m = new Map<string, { from: string[]; to: string[] }[]>();
  for (const p of PHRASE_TABLE) {
    const list = m.get(p.from[0]!) ?? [];
    list.push(p);
    m.set(p.from[0]!, list);
  }
  return m;
})();

function applyPhrases(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; ) {
    const first = words[i]!;
    let matched = false;
    const candidates = PHRASES_BY_FIRST.get(first.w);
    if (candidates) {
      for (const p of candidates) {
        if (p.from.length > words.length - i) continue;
        let ok = true;
        for (let k = 0; k < p.from.length; k++) {
          if (words[i + k]!.w !== p.from[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          for (const w of p.to) out.push({ w });
          i += p.from.length;
          matched = true;
          break;
        }
      }
    }
    if (!matched) {
      out.push(first);
      i++;
    }
  }
  return out;
}

/** Step 6: a word typed with accents is dropped only if that accented form is a stopword. */
function isDropped(word: Word): boolean {
  if (word.keep) return false;
  if (word.typed !== undefined) return STOP_TONED.has(word.typed);
  // As typed ("need", "tell" before their doubled letter is collapsed) or with repeats collapsed
  // ("khongggg"), but not once stemmed: "change" stems to "chang", which is "chẳng".
  return STOP_PLAIN.has(word.w) || STOP_PLAIN.has(unifyIY(collapseRepeats(word.w)));
}

/**
 * English endings on words that are not Vietnamese syllables: "renewed", "renewal", "renewing" →
 * "renew". Crude, but the same on both sides.
 */
function englishStem(w: string): string {
  if (w.length < 5 || isSyllable(w) || !/^[a-z]+$/.test(w)) return w;
  const m = w.length >= 6 ? /^(.{4,}?)(ing|ed|al|ation|ment)$/.exec(w) : null;
  // A silent final e goes too, so that "lapse", "lapses" and "lapsed", "change" and "changed" meet.
  const stem = m ? m[1]! : w;
  return stem.length >= 5 && /[sgcvz]e$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Step 5: spelling normalisation of one folded word. */
function spelling(w: string): string {
  return unifyIY(collapseRepeats(englishStem(singular(w))));
}

/**
 * The full analysis of a text into search terms (unigrams, then bigrams when asked).
 * The same function runs on entries (index) and on questions.
 */
export function analyze(text: string, opts: AnalyzeOptions = {}): string[] {
  const tokens = rawTokens(text);
  if (tokens.length === 0) return [];
  const terms: string[] = [];
  const words = opts.english ? tokens.map((t) => ({ w: t.folded })) : expandInContext(tokens);
  const kept: Word[] = [];
  for (const word of applyPhrases(words)) {
    const term = spelling(word.w);
    if (!term || isDropped(word) || (opts.english && (STOP_ENGLISH_ONLY.has(term) || STOP_ENGLISH_ONLY.has(word.w)))) continue;
    kept.push({ w: term, keep: true });
  }
  // Phrases again once the fillers are gone: "tải thêm app" → "tải ứng dụng" → "cài ứng dụng".
  for (const word of applyPhrases(kept)) if (word.w) terms.push(word.w);
  return opts.bigrams ? withBigrams(terms) : terms;
}

/** Adds syllable pairs ("khai_sinh") after the unigrams. */
export function withBigrams(terms: string[]): string[] {
  const out = [...terms];
  for (let i = 0; i + 1 < terms.length; i++) out.push(`${terms[i]}_${terms[i + 1]}`);
  return out;
}

/** The tokenizer given to MiniSearch (`tokenize`; `processTerm` is the identity): unigrams only. */
export function tokenize(text: string): string[] {
  return analyze(text);
}

/** A folded Vietnamese syllable: optional initial consonant, 1–3 vowels, optional final. */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** True when `w` has the shape of a folded Vietnamese syllable ("khai", "nghieng"; not "numbe"). */
export function isSyllable(w: string): boolean {
  return SYLLABLE.test(w);
}

/**
 * Telex left-overs of a keyboard whose Vietnamese input was off: "sinhf" → "sinh", "kys" → "ky",
 * "dawng" → "dang", "nguowi" → "nguoi". Returns the candidate, or undefined.
 */
export function fromTelex(w: string): string | undefined {
  let s = w.replace(/([aou])w/g, "$1").replace(/^w/, "u").replace(/([a-z])\1+/g, "$1");
  // The tone key at the end ("hanj") or right after the vowel ("hajn").
  if (s.length >= 3 && /[sfrxj]$/.test(s)) s = s.slice(0, -1);
  else s = s.replace(/([aeiouy])[sfrxj](ch|ng|nh|[cmnpt])$/, "$1$2");
  return s !== w && isSyllable(s) ? s : undefined;
}

/**
 * Repairs question terms the index does not know, using its vocabulary (`known`):
 * Telex residue ("sinhf"), two or three syllables typed without spaces ("khaisinh", "dangky").
 * Known terms and terms that cannot be repaired are returned unchanged.
 */
export function repairTerms(terms: readonly string[], known: (term: string) => boolean): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (known(t) || IS_NUMBER.test(t) || t.length < 3) {
      out.push(t);
      continue;
    }
    const telex = fromTelex(t);
    if (telex !== undefined && known(telex)) {
      if (!isStopword(telex)) out.push(telex);
      continue;
    }
    const split = splitGlued(t, known);
    if (split) {
      out.push(...split.filter((w) => !isStopword(w)));
      continue;
    }
    out.push(t);
  }
  return out;
}

/** "khaisinh" → ["khai", "sinh"] when both halves are known syllables; up to three parts. */
function splitGlued(t: string, known: (term: string) => boolean): string[] | undefined {
  if (t.length < 5 || t.length > 21) return undefined;
  for (let i = 2; i <= t.length - 2; i++) {
    const a = t.slice(0, i);
    if (!isSyllable(a) || !known(a)) continue;
    const b = t.slice(i);
    if (isSyllable(b) && known(b)) return [a, b];
    for (let j = 2; j <= b.length - 2; j++) {
      const b1 = b.slice(0, j);
      const b2 = b.slice(j);
      if (isSyllable(b1) && known(b1) && isSyllable(b2) && known(b2)) return [a, b1, b2];
    }
  }
  return undefined;
}

/**
 * The text's words, folded, with the abbreviations and teen-code of step 3 expanded and repeated
 * letters collapsed, but nothing dropped or merged: for intent rules (person-request.ts) that need
 * the function words the search drops ("cho", "với", "gặp", "không"). Own-property lookups only,
 * so a word like "constructor" is a word, not a key of Object's prototype.
 */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  for (const { raw, folded } of rawTokens(text)) {
    const toned = Object.hasOwn(TONED, raw) ? TONED[raw] : undefined;
    const abbreviation = (raw === folded || raw.replace(/đ/g, "d") === folded) && Object.hasOwn(ABBREVIATIONS, folded) ? ABBREVIATIONS[folded] : undefined;
    const expansion = toned ?? abbreviation;
    if (expansion !== undefined) out.push(...expansion.split(" "));
    else out.push(collapseRepeats(folded));
  }
  return out;
}
