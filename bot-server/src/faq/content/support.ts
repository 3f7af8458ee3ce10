import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** Reaching a person, following a dossier, and the citizen's own list of deadlines. */
export const supportEntries: FaqEntry[] = [
  {
    id: "human-handover",
    topic: "support",
    question: { vi: "Tôi muốn nói chuyện trực tiếp với cán bộ", en: "I want to talk to a real person" },
    alternatives: {
      vi: ["cho gap nhan vien tu van", "Làm sao để được cán bộ hỗ trợ trực tiếp?", "bot trả lời không đúng, cần người thật", "chuyen cho can bo giup em"],
      en: ["talk to an officer", "I need a human"],
    },
    answer: {
      vi: "Anh/chị nhắn “gặp cán bộ”. Cuộc trò chuyện được chuyển cho cán bộ, trợ lý tự động tạm dừng cho đến khi cán bộ kết thúc hỗ trợ. Cán bộ trả lời trong giờ hành chính, thường trong vòng 1 ngày làm việc. Việc gấp, anh/chị gọi tổng đài 1022.",
      en: "Type “gặp cán bộ” (talk to an officer). The chat is passed to an officer and the automatic assistant stays quiet until the officer closes it. Officers answer during office hours, usually within one working day. For urgent matters, call the 1022 hotline.",
    },
    source: { title: SOURCES.onlinePlan, ref: "Mục II (hỗ trợ, tư vấn người dân; Tổng đài 1022)" },
  },
  {
    id: "hotline-1022",
    topic: "support",
    question: { vi: "Tổng đài 1022 là gì, gọi khi nào?", en: "What is the 1022 hotline and when should I call it?" },
    alternatives: {
      vi: ["so tong dai ho tro", "Số điện thoại đường dây nóng của tỉnh là số mấy?", "goi dien hoi thu tuc o dau", "hotline tay ninh", "cần hỗ trợ gấp thì gọi số nào"],
      en: ["hotline number", "phone number for help"],
    },
    answer: {
      vi: "1022 là tổng đài của tỉnh Tây Ninh tiếp nhận phản ánh, kiến nghị và hỗ trợ, tư vấn người dân, doanh nghiệp về dịch vụ công trực tuyến. Anh/chị gọi 1022 khi cần hướng dẫn thủ tục, khi nghi ngờ một tin nhắn, hoặc khi cần hỗ trợ gấp ngoài cuộc trò chuyện này.",
      en: "1022 is Tây Ninh province's hotline for feedback and complaints and for help and advice on online public services. Call 1022 when you need guidance on a procedure, when a message looks suspicious, or when you need urgent help outside this chat.",
    },
    source: { title: SOURCES.onlinePlan, ref: "Mục II.c (Tổng đài 1022; Hệ thống xử lý phản ánh, kiến nghị)" },
  },
  {
    id: "complaint",
    topic: "support",
    question: { vi: "Tôi muốn phản ánh, kiến nghị về việc giải quyết thủ tục", en: "I want to make a complaint or suggestion about how a procedure was handled" },
    alternatives: {
      vi: ["khieu nai can bo cham tre", "Gửi góp ý về dịch vụ công ở đâu?", "phản ánh hồ sơ bị chậm", "to cao thai do phuc vu"],
      en: ["file a complaint", "give feedback on a public service"],
    },
    answer: {
      vi: "Anh/chị gửi phản ánh, kiến nghị qua tổng đài 1022 (Hệ thống xử lý phản ánh, kiến nghị của tỉnh) hoặc trên Cổng Dịch vụ công. Trong cuộc trò chuyện này, anh/chị cũng có thể nhắn “gặp cán bộ” để được ghi nhận. Sau khi hồ sơ có kết quả, kênh sẽ mời anh/chị chấm điểm mức độ hài lòng.",
      en: "Send feedback or complaints through the 1022 hotline (the province's feedback system) or on the Public Service Portal. In this chat you can also type “gặp cán bộ” to have it recorded. When your dossier is completed, the channel will ask you to rate your satisfaction.",
    },
    source: { title: SOURCES.onlinePlan, ref: "Mục II (Hệ thống xử lý phản ánh, kiến nghị; Tổng đài 1022)" },
  },
  {
    id: "rating",
    topic: "support",
    question: { vi: "Đánh giá mức độ hài lòng sau khi có kết quả hồ sơ như thế nào?", en: "How do I rate the service after my dossier is completed?" },
    alternatives: {
      vi: ["cham diem dich vu", "Tin nhắn hỏi chấm từ 1 đến 5 là gì?", "đánh giá sự hài lòng", "danh gia can bo giai quyet"],
      en: ["satisfaction rating", "what is the 1 to 5 score message"],
    },
    answer: {
      vi: "Khi hồ sơ có kết quả, kênh gửi tin mời anh/chị chấm điểm từ 1 (rất không hài lòng) đến 5 (rất hài lòng) bằng các nút bấm. Ý kiến của anh/chị được tổng hợp để cải thiện chất lượng phục vụ; anh/chị có thể bỏ qua nếu không muốn đánh giá.",
      en: "When your dossier is completed, the channel asks you to rate it from 1 (very dissatisfied) to 5 (very satisfied) with buttons. Ratings are collected to improve the service; you may skip it.",
    },
    source: { title: SOURCES.onlinePlan, ref: "Mục II (công cụ đánh giá sự hài lòng)" },
  },
  {
    id: "dossier-check",
    topic: "dossier",
    question: { vi: "Làm sao xem tình trạng hồ sơ của tôi?", en: "How do I check the status of my dossier?" },
    alternatives: {
      vi: ["tra cuu ho so", "Hồ sơ của tôi tới đâu rồi?", "kiểm tra hồ sơ đã nộp", "xem tien do giai quyet"],
      en: ["track my application", "where is my dossier"],
    },
    answer: {
      vi: "Anh/chị nhắn “hồ sơ của tôi” để xem danh sách hồ sơ và trạng thái. Lần đầu, anh/chị cần xác minh số điện thoại trong ứng dụng Dịch vụ công chủ động. Mỗi khi trạng thái thay đổi (đã tiếp nhận, đang xử lý, cần bổ sung, có kết quả), kênh cũng tự nhắn cho anh/chị.",
      en: "Type “hồ sơ của tôi” (my dossiers) to see your dossiers and their status. The first time, you need to verify your phone number in the Mini App. Whenever the status changes (received, processing, more information needed, completed), the channel also messages you.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 10 (theo dõi trạng thái xử lý)" },
  },
  {
    id: "dossier-status",
    topic: "dossier",
    question: { vi: "Các trạng thái hồ sơ như “đang xử lý”, “cần bổ sung” nghĩa là gì?", en: "What do dossier statuses like “processing” or “more information needed” mean?" },
    alternatives: {
      vi: ["trang thai da tiep nhan la sao", "Hồ sơ bị từ chối, bị trả lại thì phải làm gì?", "ho so bao can bo sung", "hồ sơ báo đã có kết quả"],
      en: ["my dossier was rejected", "what does need more info mean"],
    },
    answer: {
      vi: "“Đã tiếp nhận”: cơ quan đã nhận hồ sơ. “Đang xử lý”: công chức đang kiểm tra, giải quyết. “Cần bổ sung”: anh/chị cần bổ sung giấy tờ hoặc thông tin theo ghi chú của cán bộ, làm trong ứng dụng hoặc nhắn “gặp cán bộ”. “Từ chối”: hồ sơ không được giải quyết, lý do có trong ghi chú. “Có kết quả”: thủ tục đã xong, kèm số biên nhận hoặc kết quả.",
      en: "“Received”: the agency has your dossier. “Processing”: an officer is checking and deciding it. “More information needed”: add the documents or details in the officer's note, in the Mini App or by typing “gặp cán bộ”. “Rejected”: it will not be granted, the note gives the reason. “Completed”: the procedure is done, with the receipt number or result.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 58–59 (Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh)" },
  },
  {
    id: "draft-edit",
    topic: "dossier",
    question: { vi: "Thông tin trong hồ sơ dự thảo bị sai thì sửa thế nào?", en: "Some details in my draft dossier are wrong; how do I fix them?" },
    alternatives: {
      vi: ["sua thong tin ho so du thao", "Hồ sơ điền sẵn ghi sai tên", "đã xác nhận đồng ý rồi có sửa lại được không", "thong tin tu benh vien bi sai"],
      en: ["correct my draft", "edit after confirming"],
    },
    answer: {
      vi: "Trong ứng dụng, anh/chị sửa được các mục do mình khai (ví dụ tên dự kiến của con, nơi đăng ký). Thông tin lấy từ giấy tờ gốc (như giấy chứng sinh) không sửa ở đây: anh/chị báo nơi cấp giấy hoặc gọi tổng đài 1022. Nếu sửa hồ sơ sau khi đã đồng ý, sự đồng ý cũ mất hiệu lực và anh/chị cần xác nhận lại.",
      en: "In the Mini App you can change what you declare yourself (for example your child's intended name or the registration place). Details taken from an original document (such as the birth certificate) cannot be changed there: tell the issuer or call the 1022 hotline. If you edit a dossier after consenting, that consent lapses and you must confirm again.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục IV.1 (cha, mẹ kiểm tra, xác nhận thông tin trước khi nộp)" },
  },
  {
    id: "deadlines-mine",
    topic: "dossier",
    question: { vi: "Xem các việc sắp đến hạn của tôi ở đâu?", en: "Where can I see my upcoming deadlines?" },
    alternatives: {
      vi: ["viec can lam sap toi", "Giấy tờ nào của tôi sắp hết hạn?", "nhắc hạn của gia đình tôi", "lich nhac cua toi"],
      en: ["my upcoming reminders", "what is due soon"],
    },
    answer: {
      vi: "Anh/chị nhắn “việc sắp đến hạn” để xem các việc đang chờ: hạn đăng ký khai sinh, mũi tiêm sắp tới của con, giấy phép hoặc chứng chỉ của anh/chị, doanh nghiệp sắp hết hạn. Lần đầu cần xác minh số điện thoại trong ứng dụng Dịch vụ công chủ động.",
      en: "Type “việc sắp đến hạn” (upcoming deadlines) to see what is pending: the birth registration deadline, your child's next vaccination, and licences or certificates of yours or your business that expire soon. The first time, verify your phone number in the Mini App.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục (các dịch vụ nhắc hạn)" },
  },
];
