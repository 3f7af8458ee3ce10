import { addDays, type FaqEntryContentInput } from "@hccd/shared";
import type { FaqService } from "../faq/types.js";
import { reminderCatalogueFrom, type ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";

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

/**
 * A staff-written FAQ entry the built-in FAQ does not answer (the bus fare), as a staff member posts
 * it to `POST /api/staff/faq/entries`: for tests of FAQ upkeep and of edits reaching every instance.
 */
export const busFareFaqEntry: FaqEntryContentInput = {
  topic: "transport",
  questionVi: "Giá vé xe buýt nội tỉnh Tây Ninh là bao nhiêu?",
  questionEn: "How much is a bus ticket within Tây Ninh province?",
  alternativesVi: ["gia ve xe buyt tay ninh", "vé xe buýt bao nhiêu tiền"],
  alternativesEn: ["bus fare tay ninh"],
  answerVi: "Giá vé xe buýt nội tỉnh do đơn vị vận tải niêm yết theo từng tuyến. Anh/chị xem giá trên xe hoặc gọi tổng đài 1022 để được hướng dẫn.",
  answerEn: "Bus fares within the province are posted by the operator for each route. See the fare on the bus or call the 1022 hotline.",
  sourceTitle: "Kế hoạch tuyên truyền dịch vụ công chủ động",
  sourceRef: "Mục II",
};

/** A one-service catalogue for importer and sweep tests: notices 60, 30 and 7 days ahead, file 10 days ahead. */
export const tourGuideCatalogue: ReminderCatalogue = {
  has: (k) => k === "tour-guide-card",
  keys: () => ["tour-guide-card"],
  steps: () => ["P60D", "P30D", "P7D"],
  noticeDate: (dueOn, step) => addDays(dueOn, -Number(/^P(\d+)D$/.exec(step)?.[1] ?? 0)),
  name: () => ({ vi: "Thẻ hướng dẫn viên du lịch", en: "tour guide card" }),
  fileBy: (_k, dueOn) => addDays(dueOn, -10),
};

/**
 * Two services of two agencies, for staff scoping tests: the tour guide card (Sở Văn hóa, Thể thao
 * và Du lịch; 60/30/7 days, file 10 days ahead) and the petrol retail licence (Sở Công Thương; 60
 * days, file 30 days ahead; no SMS).
 */
export const twoAgencyCatalogue: ReminderCatalogue = reminderCatalogueFrom([
  {
    key: "tour-guide-card",
    name: { vi: "Thẻ hướng dẫn viên du lịch", en: "tour guide card" },
    leadAgency: { vi: "Sở Văn hóa, Thể thao và Du lịch", en: "Department of Culture, Sports and Tourism" },
    notices: { steps: [{ before: "P60D" }, { before: "P30D" }, { before: "P7D" }] },
    fileBy: { before: "P10D" },
    channels: ["oa", "zns", "sms"],
  },
  {
    key: "petrol-retail-licence",
    name: { vi: "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", en: "petrol retail licence" },
    leadAgency: { vi: "Sở Công Thương", en: "Department of Industry and Trade" },
    notices: { steps: [{ before: "P60D" }] },
    fileBy: { before: "P30D" },
    channels: ["oa", "zns"],
  },
]);
