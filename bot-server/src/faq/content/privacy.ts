import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** Personal data and consent (Law 91/2025/QH15 and Decree 356/2025, in force 2026-01-01). */
export const privacyEntries: FaqEntry[] = [
  {
    id: "data-law",
    topic: "privacy",
    question: { vi: "Dữ liệu cá nhân của tôi được bảo vệ theo quy định nào?", en: "Which law protects my personal data?" },
    alternatives: {
      vi: ["bao mat thong tin ca nhan", "Thông tin của tôi có bị lộ không?", "luật bảo vệ dữ liệu cá nhân", "nghi dinh 13 con hieu luc khong", "dữ liệu cá nhân đưa lên hệ thống có an toàn không"],
      en: ["is my data safe", "personal data protection law"],
    },
    answer: {
      vi: "Dữ liệu của anh/chị được xử lý theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP (hiệu lực từ 01/01/2026; Nghị định 13/2023 hết hiệu lực). Hệ thống chỉ dùng dữ liệu để cung cấp dịch vụ công, che số định danh và số điện thoại trong nhật ký, và ghi lại mỗi lần cán bộ xem dữ liệu của anh/chị.",
      en: "Your data is processed under the Personal Data Protection Law No. 91/2025/QH15 and Decree 356/2025/NĐ-CP (in force from 1 January 2026; Decree 13/2023 no longer applies). The system uses your data only to provide public services, masks ID and phone numbers in its logs, and records every time an officer views your data.",
    },
    source: { title: SOURCES.dataLaw, ref: "Hiệu lực từ 01/01/2026; Nghị định 13/2023/NĐ-CP bị bãi bỏ" },
  },
  {
    id: "data-consent",
    topic: "privacy",
    question: { vi: "Hồ sơ có bị nộp khi tôi chưa đồng ý không?", en: "Can a dossier be filed without my consent?" },
    alternatives: {
      vi: ["chua dong y co tu nop khong", "Sự đồng ý của tôi được ghi nhận thế nào?", "im lặng, không trả lời tin nhắn có tính là đồng ý không", "dong y xu ly du lieu la sao"],
      en: ["how is my consent recorded", "does silence count as consent"],
    },
    answer: {
      vi: "Không. Hồ sơ chỉ được gửi đi sau khi anh/chị đã kiểm tra và bấm đồng ý. Sự đồng ý phải tự nguyện, rõ ràng, cho từng mục đích, sau khi anh/chị được biết dữ liệu nào, dùng để làm gì, ai xử lý và quyền của mình; im lặng không phải là đồng ý. Hệ thống lưu lại thời điểm và đúng phiên bản hồ sơ anh/chị đã đồng ý; nếu hồ sơ bị sửa sau đó, anh/chị phải đồng ý lại.",
      en: "No. A dossier is only sent after you have checked it and tapped to consent. Consent must be voluntary, clear and given per purpose, after you are told which data, for what, who processes it and your rights; silence is not consent. The system keeps the time and the exact version you agreed to; if the dossier is edited afterwards, you must consent again.",
    },
    source: { title: SOURCES.dataLaw, ref: "Điều kiện của sự đồng ý; lưu bằng chứng đồng ý" },
  },
  {
    id: "data-withdraw",
    topic: "privacy",
    question: { vi: "Tôi muốn rút lại sự đồng ý xử lý dữ liệu thì làm thế nào?", en: "How do I withdraw my consent to data processing?" },
    alternatives: {
      vi: ["rut lai dong y", "Hủy đồng ý cho dùng thông tin cá nhân", "không cho dùng dữ liệu của tôi nữa", "yeu cau ngung xu ly du lieu"],
      en: ["withdraw consent", "stop using my data"],
    },
    answer: {
      vi: "Anh/chị có thể rút lại sự đồng ý bất cứ lúc nào, bằng văn bản hoặc trên môi trường điện tử: nhắn “gặp cán bộ” để gửi yêu cầu, hoặc nhắn “dừng nhận tin” nếu chỉ muốn ngừng nhận tin. Yêu cầu rút lại hoặc hạn chế xử lý được phản hồi trong 2 ngày làm việc và hoàn tất trong 15 ngày. Việc rút lại không ảnh hưởng đến phần đã xử lý trước đó.",
      en: "You can withdraw consent at any time, in writing or electronically: type “gặp cán bộ” (talk to an officer) to make the request, or “dừng nhận tin” if you only want to stop messages. Requests to withdraw or restrict processing are answered within 2 working days and completed within 15 days. Withdrawal does not undo processing already done.",
    },
    source: { title: SOURCES.dataLaw, ref: "Rút lại sự đồng ý; thời hạn 2 ngày làm việc và 15 ngày" },
  },
  {
    id: "data-rights",
    topic: "privacy",
    question: { vi: "Tôi có quyền gì với dữ liệu cá nhân của mình?", en: "What rights do I have over my personal data?" },
    alternatives: {
      vi: ["xem va sua thong tin ca nhan", "Muốn xóa dữ liệu của tôi", "quyền của chủ thể dữ liệu", "khieu nai ve du lieu ca nhan"],
      en: ["delete my data", "correct my personal information"],
    },
    answer: {
      vi: "Anh/chị có quyền: được biết về việc xử lý dữ liệu; đồng ý, không đồng ý hoặc rút lại sự đồng ý; xem và chỉnh sửa dữ liệu; yêu cầu cung cấp, xóa hoặc hạn chế xử lý; phản đối xử lý; khiếu nại. Thông tin lấy từ giấy tờ gốc (ví dụ giấy chứng sinh) cần được sửa tại nơi cấp. Để gửi yêu cầu, anh/chị nhắn “gặp cán bộ”.",
      en: "You have the right to: be informed about processing; consent, refuse or withdraw consent; view and correct your data; ask for it to be provided, deleted or restricted; object to processing; and complain. Details taken from an original document (such as a birth certificate) must be corrected by the issuer. To make a request, type “gặp cán bộ”.",
    },
    source: { title: SOURCES.dataLaw, ref: "Quyền của chủ thể dữ liệu" },
  },
  {
    id: "data-children",
    topic: "privacy",
    question: { vi: "Dữ liệu của con tôi (trẻ em) được xử lý thế nào?", en: "How is my child's data handled?" },
    alternatives: {
      vi: ["thong tin cua tre em", "Ai đồng ý thay cho cháu nhỏ?", "dữ liệu sức khỏe của bé có được bảo mật không", "du lieu tiem chung cua con"],
      en: ["children's data", "who consents for a minor"],
    },
    answer: {
      vi: "Với trẻ em, cha, mẹ hoặc người đại diện theo pháp luật là người đồng ý thay cho cháu. Dữ liệu sức khỏe (như giấy chứng sinh, lịch tiêm chủng) là dữ liệu nhạy cảm, chỉ dùng để nhắc lịch và làm thủ tục cho cháu, và chỉ cán bộ có thẩm quyền mới được xem.",
      en: "For a child, the parent or legal representative gives consent on the child's behalf. Health data (such as the birth certificate and vaccinations) is sensitive data, used only for the child's reminders and procedures, and only authorised officers may see it.",
    },
    source: { title: SOURCES.dataLaw, ref: "Dữ liệu cá nhân của trẻ em; dữ liệu cá nhân nhạy cảm" },
  },
];
