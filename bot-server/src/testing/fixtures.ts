import { addDays } from "@hccd/shared";
import type { FaqService } from "../bot/context.js";
import type { ReminderCatalogue } from "../services/licence-import.js";

/**
 * A fixed FAQ for tests about the webhook and the bot (not about retrieval, which has its own
 * tests): "khai sinh" is answered, "giay to" is a doubtful match, anything else is unknown.
 */
export const fixedFaq: FaqService = {
  ask: (q) =>
    /khai sinh/i.test(q)
      ? { answered: true, matches: [{ id: "birth-deadline", question: "Hạn đăng ký khai sinh?", answer: "Trong 60 ngày kể từ ngày sinh.", score: 0.9 }] }
      : /giay to/i.test(q)
        ? { answered: false, matches: [{ id: "birth-deadline", question: "Hạn đăng ký khai sinh?", answer: "Trong 60 ngày kể từ ngày sinh.", score: 0.3 }, { id: "b", question: "Câu B", answer: "B", score: 0.3 }] }
        : { answered: false, matches: [] },
  entry: (id) => (id === "birth-deadline" ? { id, question: "Hạn đăng ký khai sinh?", answer: "Trong 60 ngày kể từ ngày sinh.", source: "Luật Hộ tịch 2014, Điều 15" } : undefined),
};

/** A one-service catalogue for importer and sweep tests: notices 60, 30 and 7 days ahead, file 10 days ahead. */
export const tourGuideCatalogue: ReminderCatalogue = {
  has: (k) => k === "tour-guide-card",
  steps: () => ["P60D", "P30D", "P7D"],
  noticeDate: (dueOn, step) => addDays(dueOn, -Number(/^P(\d+)D$/.exec(step)?.[1] ?? 0)),
  name: () => ({ vi: "Thẻ hướng dẫn viên du lịch", en: "tour guide card" }),
  fileBy: (_k, dueOn) => addDays(dueOn, -10),
};
