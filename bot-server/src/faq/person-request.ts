/**
 * The "wants a person" intent: does a message ask to talk to a person (an officer, an operator, a
 * human) rather than ask the FAQ something? It outranks the FAQ: "cho e gap nhan vien tu van vs"
 * must reach an officer, not the entry that explains how to reach one.
 *
 * Rules over the FAQ normaliser's words (`foldedWords`: no accents, teen-code expanded, nothing
 * dropped), per clause (split at , . ; ! ? and new lines), with a vocabulary of phrases rather than
 * a list of sentences:
 *
 * - A **strong** name of a person ("người thật", "tổng đài viên", "tư vấn viên", "human", "agent")
 *   is a request wherever it stands: nobody mentions a human operator in passing.
 * - A **role** ("cán bộ", "nhân viên", "chuyên viên", "officer", "someone") is a request only in a
 *   request frame: after a contact verb ("gặp", "nói chuyện với", "chuyển", "liên hệ", "talk to"),
 *   after a wish ("cần", "muốn", "xin", "need") when nothing but idle words follow ("cần nhân viên
 *   hỗ trợ", not "cần cán bộ xã xác nhận giấy"), addressed ("nhân viên ơi"), or alone in its clause
 *   ("cán bộ", "admin ơi"). So "nhân viên y tế có đến nhà không", "cán bộ hộ tịch làm việc mấy giờ",
 *   "phản ánh cán bộ xã làm chậm" stay FAQ questions.
 * - "có ai (ở đó, trực) không" asks whether a person is there: a request.
 * - Cancelled by a negation or a question of necessity in the frame ("không cần gặp cán bộ", "có
 *   cần gặp cán bộ không hay làm online được") and by a question of identity ("bot này có phải
 *   người thật không", "tôi là nhân viên y tế").
 * - The hotline ("tổng đài", "số tổng đài là gì") is not a person in this chat: asking for its number
 *   is a question the FAQ answers at once and at any hour (hotline-1022), where a handover would
 *   make the citizen wait for office hours to be given a number. "Tổng đài viên" (an operator) is a
 *   person.
 *
 * `topic`: the message also says what it is about ("…, e muốn hỏi về hồ sơ khai sinh của con"),
 * so the ticket keeps it for the officer.
 */
import { foldedWords, isStopword } from "./normalize.js";

export interface PersonRequest {
  /** The message says what it is about beyond asking for a person. */
  topic: boolean;
  /** The name of the person that made it a request (folded), for explanations and tests. */
  person: string;
}

/** Abbreviations that mean a person or a way to reach one in this intent only ("cb" is also "chuẩn bị"). */
const INTENT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  nv: "nhan vien",
  cb: "can bo",
  cbo: "can bo",
  tv: "tu van",
  tvv: "tu van vien",
  tdv: "tong dai vien",
  ng: "nguoi",
  ad: "admin",
  cskh: "cham soc khach hang",
  nc: "noi chuyen",
  ns: "noi",
  lh: "lien he",
  ht: "ho tro",
  pls: "please",
  plz: "please",
};

type PersonKind = "strong" | "role" | "someone-here";

/** Names of a person, longest first when matched. `role` needs a frame; `someone-here` is "có ai". */
const PERSONS: ReadonlyArray<readonly [string, PersonKind]> = [
  ["nguoi that", "strong"],
  ["nguoi that su", "strong"],
  ["tong dai vien", "strong"],
  ["tu van vien", "strong"],
  ["nguoi tu van", "strong"],
  ["nhan vien tu van", "strong"],
  ["chuyen vien tu van", "strong"],
  ["can bo tu van", "strong"],
  ["nhan vien ho tro", "strong"],
  ["can bo ho tro", "strong"],
  ["nguoi ho tro", "strong"],
  ["cham soc khach hang", "strong"],
  ["nguoi truc", "strong"],
  ["ho tro truc tiep", "strong"],
  ["tu van truc tiep", "strong"],
  ["gap truc tiep", "strong"],
  ["noi chuyen truc tiep", "strong"],
  ["human", "strong"],
  ["human being", "strong"],
  ["real person", "strong"],
  ["live agent", "strong"],
  ["live chat", "strong"],
  ["agent", "strong"],
  ["operator", "strong"],
  ["representative", "strong"],
  ["customer service", "strong"],
  ["customer support", "strong"],
  ["can bo", "role"],
  ["nhan vien", "role"],
  ["chuyen vien", "role"],
  ["cong chuc", "role"],
  ["vien chuc", "role"],
  ["admin", "role"],
  ["quan tri vien", "role"],
  ["nguoi", "role"],
  ["ai do", "role"],
  ["officer", "role"],
  ["official", "role"],
  ["staff", "role"],
  ["person", "role"],
  ["someone", "role"],
  ["somebody", "role"],
  ["consultant", "role"],
  ["advisor", "role"],
  ["co ai", "someone-here"],
];

/** Verbs of contact: a role after one of them is asked for. */
const CONTACT_VERBS = [
  "gap", "noi", "noi chuyen", "noi may", "chat", "nhan tin", "trao doi", "lien he", "lien lac", "ket noi", "chuyen", "chuyen sang", "chuyen qua",
  "goi", "talk", "speak", "connect", "transfer", "contact", "reach", "meet", "call", "put through",
];
/** Verbs of wish: a role after one of them is asked for only if nothing but idle words follow it. */
const WISH_VERBS = ["can", "muon", "xin", "nho", "yeu cau", "de nghi", "need", "want", "get", "help", "like", "find"];
/** Words that may stand between a verb and the person: pronouns, particles, articles. */
const BETWEEN = [
  "toi", "t", "tui", "em", "e", "anh", "a", "chi", "c", "minh", "cho", "voi", "duoc", "mot", "1", "truc tiep", "ngay", "lien", "giup", "gium", "dum",
  "ho", "ben", "cac", "lai", "thu", "de", "the", "co the", "to", "with", "an", "me", "i", "my", "you", "some", "please", "just", "now", "d", "m",
  "would", "could", "can", "may", "be", "able", "real",
];
/** Words that may follow the person without saying anything more: place, duty, politeness, "where". */
const IDLE = [
  "oi", "ui", "a", "ah", "ak", "voi", "di", "nha", "nhe", "nhen", "please", "dau", "roi", "giup", "gium", "dum", "ho tro", "tu van", "truc", "truc tiep",
  "ngay", "lien", "now", "khong", "o", "day", "do", "nao", "the nao", "lam sao", "sao", "tra loi", "giai dap", "cho", "toi", "e", "em", "minh", "t",
  "phuong", "xa", "ho tich", "tu phap", "phu trach", "cua", "dang", "that", "here", "there", "available", "online", "asap", "for me", "thanks", "thank you",
  "alo", "hello", "hi", "hey", "xin chao", "chao", "xin", "cam on", "bot", "ad", "admin", "khac", "else",
];
/** A word of negation in the frame cancels it: "không cần gặp cán bộ", "don't want an agent". */
const NEGATION = new Set(["khong", "chang", "cha", "dung", "not", "no", "dont", "don", "never"]);
/** Before the person, a question of identity: "là nhân viên y tế", "có phải người thật", "is this a human". */
const IDENTITY = new Set(["la", "phai", "is", "are", "am", "was", "were", "hay"]);
/** Articles skipped when looking for the word before the person. */
const ARTICLES = new Set(["a", "an", "the", "mot", "1"]);
/** Words after the person that make the clause a vocative ("nhân viên ơi"). */
const VOCATIVE = new Set(["oi", "ui"]);
/** Names by which the page is addressed before any question ("ad ơi cho e hỏi…"): a request only alone. */
const PAGE_ADDRESS = new Set(["admin"]);
/** Words that do not make a topic: about the chat itself, or the request's own vocabulary. */
const NOT_A_TOPIC = new Set([
  "hieu", "tra", "loi", "vong", "vo", "sai", "lau", "qua", "nhanh", "ngu", "chan", "alo", "hello", "hi", "chat", "talk", "speak", "ned", "nguoi", "that",
  "gap", "noi", "chuyen", "tu", "van", "ho", "tro", "truc", "tiep", "giup", "admin", "nhan", "vien", "can", "bo", "tong", "dai", "ve", "about",
  "help", "please", "human", "agent", "officer", "staff", "someone", "real", "person", "oi", "connect", "customer", "service", "chao", "may", "ai",
]);

type Phrase = readonly string[];
/** Every vocabulary phrase goes through the same normaliser as the message ("need" → "ned"). */
const phrase = (text: string): Phrase => foldedWords(text);
const byLengthDesc = (a: { words: Phrase }, b: { words: Phrase }) => b.words.length - a.words.length;

const PERSON_TABLE = PERSONS.map(([text, kind]) => ({ words: phrase(text), kind, text })).sort(byLengthDesc);
const CONTACT_TABLE = CONTACT_VERBS.map((t) => ({ words: phrase(t), kind: "contact" as const }));
const WISH_TABLE = WISH_VERBS.map((t) => ({ words: phrase(t), kind: "wish" as const }));
const BETWEEN_TABLE = BETWEEN.map((t) => ({ words: phrase(t), kind: "between" as const }));
/** Scanned leftwards from the person: verbs first (so "can" is a wish before it is filler). */
const FRAME_TABLE = [...CONTACT_TABLE, ...WISH_TABLE, ...BETWEEN_TABLE].sort(byLengthDesc);
const IDLE_TABLE = IDLE.map((t) => ({ words: phrase(t) })).sort(byLengthDesc);
const VOCABULARY = new Set([...PERSON_TABLE, ...FRAME_TABLE, ...IDLE_TABLE].flatMap((p) => p.words));

const CLAUSE_SPLIT = /[,.;!?\n…]+/u;

/** One clause's words: the normaliser's, then this intent's abbreviations and a doubled last letter ("boo", "vienn"). */
function clauseWords(clause: string): string[] {
  const out: string[] = [];
  for (const w of foldedWords(clause)) {
    const expansion = Object.hasOwn(INTENT_ABBREVIATIONS, w) ? INTENT_ABBREVIATIONS[w]! : undefined;
    if (expansion !== undefined) {
      out.push(...expansion.split(" "));
      continue;
    }
    const undoubled = w.replace(/(.)\1+$/, "$1");
    // English plurals of a person ("officers", "agents", "humans").
    const singular = w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w;
    out.push(VOCABULARY.has(w) ? w : VOCABULARY.has(undoubled) ? undoubled : VOCABULARY.has(singular) ? singular : w);
  }
  return out;
}

const matchesAt = (words: readonly string[], at: number, p: Phrase) => at >= 0 && at + p.length <= words.length && p.every((w, k) => words[at + k] === w);

interface Mention {
  start: number;
  end: number;
  kind: PersonKind;
  text: string;
}

function mentions(words: readonly string[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = PERSON_TABLE.find((p) => matchesAt(words, i, p.words));
    if (hit) {
      out.push({ start: i, end: i + hit.words.length, kind: hit.kind, text: hit.text });
      i += hit.words.length;
    } else i++;
  }
  return out;
}

interface Frame {
  /** first word of the frame (the mention's start when there is none) */
  start: number;
  contact: boolean;
  wish: boolean;
}

/** The verbs and fillers right before the person, read leftwards until another word. */
function frameBefore(words: readonly string[], end: number): Frame {
  let i = end;
  let contact = false;
  let wish = false;
  for (;;) {
    const hit = FRAME_TABLE.find((p) => matchesAt(words, i - p.words.length, p.words));
    if (!hit) break;
    if (hit.kind === "contact") contact = true;
    if (hit.kind === "wish") wish = true;
    i -= hit.words.length;
  }
  return { start: i, contact, wish };
}

/** How far idle words run after `from` (the end of the clause when they run to it). */
function idleRun(words: readonly string[], from: number): number {
  let i = from;
  for (;;) {
    const hit = IDLE_TABLE.find((p) => matchesAt(words, i, p.words));
    if (!hit) return i;
    i += hit.words.length;
  }
}

function isCancelled(words: readonly string[], m: Mention, frame: Frame): boolean {
  const stop = words[frame.start - 1];
  for (let i = frame.start; i < m.start; i++) if (NEGATION.has(words[i]!)) return true;
  if (stop !== undefined && NEGATION.has(stop)) return true;
  // "có cần gặp…", "có phải gặp… không": asking whether one must, not asking for one.
  if (stop === "co" && frame.start < m.start && (words[frame.start] === "can" || words[frame.start] === "phai")) return true;
  if (stop === "phai") return true;
  let before = m.start - 1;
  while (before >= 0 && ARTICLES.has(words[before]!)) before--;
  if (before >= 0 && IDENTITY.has(words[before]!)) return true;
  // "người thật hay bot": which one it is, not a request.
  return words[m.end] === "hay";
}

/** Decides one mention in its clause; returns the words it covers (frame to idle tail), or null. */
function request(words: readonly string[], m: Mention): { from: number; to: number } | null {
  const frame = frameBefore(words, m.start);
  if (isCancelled(words, m, frame)) return null;
  const tail = idleRun(words, m.end);
  const restIdle = tail === words.length;
  const covered = { from: frame.start, to: tail };
  switch (m.kind) {
    case "strong":
      return covered;
    case "someone-here":
      return restIdle ? covered : null;
    case "role": {
      if (m.text === "nguoi" || m.text === "ai do") return (frame.contact || frame.wish) && restIdle ? covered : null;
      if (frame.contact) return covered;
      if (frame.wish && restIdle) return covered;
      const alone = frame.start === 0 && restIdle;
      if (alone) return covered;
      // "có nhân viên nào hỗ trợ không": whether someone is there to help.
      if (frame.start === m.start && words[m.start - 1] === "co" && restIdle) return { from: m.start - 1, to: tail };
      if (!PAGE_ADDRESS.has(m.text) && VOCATIVE.has(words[m.end] ?? "")) return { from: frame.start, to: m.end + 1 };
      return null;
    }
  }
}

/**
 * Whether `text` asks for a person, and whether it also says what about. Null when it does not
 * (a question for the FAQ, or something else).
 */
export function detectPersonRequest(text: string): PersonRequest | null {
  if (typeof text !== "string") return null;
  let found: string | null = null;
  const rest: string[] = [];
  for (const clause of text.normalize("NFC").split(CLAUSE_SPLIT)) {
    const words = clauseWords(clause);
    let covered: { from: number; to: number } | null = null;
    for (const m of mentions(words)) {
      covered = request(words, m);
      if (covered) {
        found ??= m.text;
        break;
      }
    }
    rest.push(...(covered ? [...words.slice(0, covered.from), ...words.slice(covered.to)] : words));
  }
  if (found === null) return null;
  const topic = rest.some((w) => w.length > 1 && !/^\d+$/.test(w) && !isStopword(w) && !NOT_A_TOPIC.has(w));
  return { topic, person: found };
}
