import { describe, expect, it } from "vitest";
import { ANSWER_THRESHOLD, MAX_MATCHES, SUGGEST_THRESHOLD, createFaqEngine } from "./engine.js";
import { FAQ_ENTRIES } from "./content/index.js";
import type { FaqEntry } from "./types.js";

/** A test entry; only what a test cares about needs to be given. */
function entry(overrides: Partial<FaqEntry> & { id: string }): FaqEntry {
  return {
    topic: "test",
    question: { vi: `Câu hỏi ${overrides.id}`, en: `Question ${overrides.id}` },
    alternatives: { vi: [], en: [] },
    answer: { vi: `Trả lời ${overrides.id}`, en: `Answer ${overrides.id}` },
    source: { title: "Luật Hộ tịch 60/2014/QH13", ref: "Điều 15" },
    ...overrides,
  };
}

const small = [
  entry({
    id: "birth",
    question: { vi: "Thời hạn đăng ký khai sinh là bao lâu?", en: "What is the deadline to register a birth?" },
    alternatives: { vi: ["mấy ngày phải đi khai sinh"], en: ["birth registration deadline"] },
    answer: { vi: "Trong 60 ngày kể từ ngày sinh.", en: "Within 60 days of the birth." },
  }),
  entry({
    id: "death",
    question: { vi: "Thời hạn đăng ký khai tử là bao lâu?", en: "What is the deadline to register a death?" },
    alternatives: { vi: ["mấy ngày phải đi khai tử"], en: ["death registration deadline"] },
    answer: { vi: "Trong 15 ngày kể từ ngày mất.", en: "Within 15 days of the death." },
  }),
  entry({
    id: "idcard",
    question: { vi: "Đến tuổi nào phải đổi thẻ căn cước?", en: "At what age must the ID card be renewed?" },
    alternatives: { vi: ["mấy tuổi đổi căn cước"], en: ["ID card renewal age"] },
    answer: { vi: "Khi đủ 14, 25, 40 và 60 tuổi.", en: "At 14, 25, 40 and 60." },
  }),
];

describe("FAQ engine on a small corpus", () => {
  const engine = createFaqEngine(small);

  it("knows its size and refuses duplicate ids", () => {
    expect(engine.size).toBe(3);
    expect(() => createFaqEngine([...small, entry({ id: "birth" })])).toThrow(/duplicate/);
  });

  it("puts the entry that matches the question first, and answers it", () => {
    const r = engine.ask("đăng ký khai sinh trong bao lâu");
    expect(r.matches[0]?.id).toBe("birth");
    expect(r.answered).toBe(true);
    expect(r.matches[0]!.score).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
  });

  it("reads questions typed without accents and with teen-code", () => {
    expect(engine.ask("dk ks may ngay").matches[0]?.id).toBe("birth");
    expect(engine.ask("han dang ky khai tu").matches[0]?.id).toBe("death");
    expect(engine.ask("cccd may tuoi doi").matches[0]?.id).toBe("idcard");
  });

  it("repairs Telex left-overs and glued words against its vocabulary", () => {
    expect(engine.ask("thoi hajn khai sinhf").matches[0]?.id).toBe("birth");
    expect(engine.ask("khaisinh bao lau").matches[0]?.id).toBe("birth");
  });

  it("answers an English question, in the requested language", () => {
    const en = engine.ask("deadline to register a death", "en");
    expect(en.matches[0]).toMatchObject({ id: "death", question: "What is the deadline to register a death?", answer: "Within 15 days of the death." });
    const vi = engine.ask("deadline to register a death", "vi");
    expect(vi.matches[0]?.answer).toBe("Trong 15 ngày kể từ ngày mất.");
  });

  it("returns nothing for an empty or blank question", () => {
    for (const q of ["", "   ", "\n\t", "?!"]) expect(engine.ask(q)).toEqual({ answered: false, matches: [] });
  });

  it("does not answer what it does not know", () => {
    for (const q of ["thời tiết hôm nay", "giá vàng", "hello bot"]) expect(engine.ask(q).answered).toBe(false);
  });

  it("gives scores in [0, 1], at most 3 matches, top first", () => {
    const r = engine.ask("thời hạn đăng ký bao lâu");
    expect(r.matches.length).toBeLessThanOrEqual(MAX_MATCHES);
    for (const m of r.matches) {
      expect(m.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it("returns an entry with its source as one line", () => {
    expect(engine.entry("birth", "vi")).toEqual({ id: "birth", question: "Thời hạn đăng ký khai sinh là bao lâu?", answer: "Trong 60 ngày kể từ ngày sinh.", source: "Luật Hộ tịch 60/2014/QH13, Điều 15" });
    expect(engine.entry("nope", "vi")).toBeUndefined();
  });

  it("honours its thresholds", () => {
    const strict = createFaqEngine(small, { answerThreshold: 1.01 });
    expect(strict.ask("đăng ký khai sinh trong bao lâu").answered).toBe(false);
    const noSuggest = createFaqEngine(small, { suggestThreshold: 1.01 });
    expect(noSuggest.ask("đăng ký khai sinh trong bao lâu").matches).toEqual([]);
  });
});

describe("FAQ engine on the real content", () => {
  const engine = createFaqEngine(FAQ_ENTRIES);

  it.each([
    ["Thời hạn đăng ký khai sinh cho con là bao lâu?", "birth-deadline"],
    ["Đăng ký khai sinh có mất phí không?", "birth-fee"],
    ["Hành chính công chủ động là gì?", "hccd-what"],
    ["Làm sao để dừng nhận tin nhắc việc?", "reminders-opt-out"],
    ["What is the deadline to register a child's birth?", "birth-deadline"],
    ["How do I stop receiving reminders?", "reminders-opt-out"],
  ])("an entry's own question (%s) finds it and is answered", (q, id) => {
    const r = engine.ask(q);
    expect(r.matches[0]?.id).toBe(id);
    expect(r.answered).toBe(true);
  });

  it.each(["thời tiết hôm nay", "giá vàng", "hello bot", "thoi tiet hom nay the nao", "gia vang sjc"])("refuses the off-topic %j", (q) => {
    expect(engine.ask(q).answered).toBe(false);
  });

  it("answers in English when asked to", () => {
    const r = engine.ask("phí khai sinh", "en");
    expect(r.matches[0]?.id).toBe("birth-fee");
    expect(r.matches[0]?.answer).toMatch(/free of charge/);
  });

  it("explains its ranking (for calibration and the staff console)", () => {
    const [top] = engine.explain("dk ks mat bao nhieu tien");
    expect(top).toMatchObject({ id: "birth-fee", rank: 1, pass: "exact" });
    expect(top!.matched).toContain("khai_sinh");
    expect(top!.evidence).toBeGreaterThan(0);
  });

  it("uses the fuzzy pass only for unknown words", () => {
    expect(engine.explain("dang ky khai sinh")[0]?.pass).toBe("exact");
    const typo = engine.explain("chứng chỉ hành nghề thú ýyy bác sĩi thúy");
    expect(typo.every((e) => e.pass === "exact" || e.pass === "fuzzy")).toBe(true);
  });
});

describe("the default engine", () => {
  it("fits the bot's FaqService (ask + entry with a one-line source)", async () => {
    const { createDefaultFaqEngine } = await import("./index.js");
    const faq: import("./types.js").FaqService = createDefaultFaqEngine();
    expect(faq.ask("phi dang ky khai sinh").matches[0]?.id).toBe("birth-fee");
    expect(faq.entry("birth-fee", "vi")?.source).toBe("Luật Hộ tịch 60/2014/QH13, Điều 11 (miễn lệ phí đăng ký khai sinh đúng hạn)");
  });
});

describe("the built-in FAQ (issue 13)", () => {
  const faq = createFaqEngine(FAQ_ENTRIES);

  it.each([
    ["OA nay lam dc j vay", "hccd-services"],
    ["Zalo OA này dùng để làm gì?", "hccd-services"],
    ["OA này của ai vậy, có phải lừa đảo không", "hccd-official"],
    ["lam so hong co tren nay ko", "hccd-not-listed"],
  ])("%s → %s", (question, id) => {
    expect(faq.ask(question).matches[0]?.id).toBe(id);
  });

  it("takes 'what time is it' for small talk, not the quiet hours", () => {
    expect(faq.ask("may gio roi ad").answered).toBe(false);
  });
});
