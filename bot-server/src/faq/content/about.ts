import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** What proactive administration is, what the channel offers, and where everything else is done. */
export const aboutEntries: FaqEntry[] = [
  {
    id: "hccd-what",
    topic: "about",
    question: { vi: "Hành chính công chủ động (HCCĐ) là gì?", en: "What is proactive public administration (HCCĐ)?" },
    alternatives: {
      vi: ["hanh chinh cong chu dong la gi", "Dịch vụ công chủ động nghĩa là sao?", "HCCĐ là cái gì vậy", "mô hình nhà nước chủ động phục vụ người dân là thế nào", "khác gì so với cách làm thủ tục truyền thống"],
      en: ["What does proactive public service mean?", "what is HCCD"],
    },
    answer: {
      vi: "Hành chính công chủ động là cách làm mới của tỉnh Tây Ninh: thay vì người dân, doanh nghiệp tự tìm đến cơ quan nhà nước, cơ quan nhà nước chủ động cung cấp thông tin, hướng dẫn, cảnh báo, nhắc việc và hỗ trợ thủ tục. Hệ thống dùng dữ liệu sẵn có để nhắc anh/chị trước khi giấy tờ hết hạn và chuẩn bị sẵn hồ sơ để anh/chị chỉ cần kiểm tra, xác nhận. Không hồ sơ nào được nộp khi anh/chị chưa đồng ý.",
      en: "Proactive public administration is Tây Ninh province's new way of working: instead of people and businesses seeking out the government, the government comes to them with information, guidance, warnings, reminders and help with procedures. The system uses data it already holds to remind you before a document expires and prepares a draft dossier that you only check and confirm. Nothing is filed without your consent.",
    },
    source: { title: `${SOURCES.plan920}; ${SOURCES.healthPlan}`, ref: "Mục I. Mục tiêu" },
  },
  {
    id: "hccd-services",
    topic: "about",
    question: { vi: "Kênh này có những dịch vụ chủ động nào?", en: "Which proactive services does this channel offer?" },
    alternatives: {
      vi: [
        "co nhung dich vu nao",
        "Danh sách dịch vụ công chủ động của tỉnh",
        "kênh zalo này hỗ trợ được những việc gì",
        "hệ thống nhắc được những giấy tờ nào",
        "OA này làm được gì?",
        "Kênh Zalo này dùng để làm gì?",
      ],
      en: ["list of services", "What can this channel help me with?", "What does this OA do?"],
    },
    answer: {
      vi: "Tỉnh đang thí điểm các nhóm dịch vụ: đăng ký khai sinh, khai tử; nhắc lịch tiêm chủng cho trẻ; cấp đổi thẻ căn cước, gia hạn tạm trú; gia hạn BHYT hộ gia đình; trợ cấp Tết cho người có công; cung cấp thông tin đất đai; nhắc hạn và hỗ trợ gia hạn giấy phép, chứng chỉ có thời hạn (an toàn thực phẩm, xăng dầu, du lịch, y tế, thú y, vận tải, lao động, viễn thông…). Anh/chị nhắn tên dịch vụ để xem chi tiết.",
      en: "The province is piloting these groups of services: birth and death registration; childhood vaccination reminders; ID card renewal and temporary residence extension; household health insurance renewal; the Tết allowance for people with meritorious service; land information; and expiry reminders with renewal help for time-limited licences and certificates (food safety, petrol, tourism, health, veterinary, transport, labour, telecoms…). Type the name of a service for details.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục danh mục 59 dịch vụ; Danh mục dịch vụ công trực tuyến chủ động thí điểm" },
  },
  {
    id: "hccd-levels",
    topic: "about",
    question: { vi: "Hệ thống có tự nộp hồ sơ thay tôi không?", en: "Does the system file applications on my behalf?" },
    alternatives: {
      vi: ["he thong tu nop ho so luon a", "Dịch vụ chủ động làm giúp mình tới đâu?", "có phải tự động làm hết thủ tục không", "mức độ chủ động của dịch vụ là gì"],
      en: ["Will you submit the application automatically?", "how far does the proactive service go"],
    },
    answer: {
      vi: "Tùy dịch vụ. Có dịch vụ chỉ nhắc hạn (ví dụ giấy phép sắp hết hạn); có dịch vụ chuẩn bị sẵn hồ sơ điền trước thông tin để anh/chị kiểm tra, bổ sung và xác nhận (ví dụ khai sinh, gia hạn chứng chỉ); một số việc được làm trọn từ dữ liệu sẵn có mà không cần đơn (ví dụ trợ cấp Tết người có công). Hồ sơ của anh/chị chỉ được nộp sau khi anh/chị xác nhận và đồng ý.",
      en: "It depends on the service. Some only remind you (for example a licence about to expire); some prepare a prefilled draft that you check, complete and confirm (for example birth registration or a certificate renewal); a few are done entirely from existing data with no application (for example the Tết allowance for people with meritorious service). Your dossier is only filed after you confirm and consent.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, cột mức độ chủ động và mô tả từng dịch vụ" },
  },
  {
    id: "hccd-official",
    topic: "about",
    question: { vi: "Kênh Zalo này có phải của cơ quan nhà nước không, có lừa đảo không?", en: "Is this Zalo channel really from the government, or is it a scam?" },
    alternatives: {
      vi: ["kenh nay co phai lua dao khong", "Tin nhắn nhắc việc này có đáng tin không?", "OA này của ai vậy", "làm sao biết tin nhắn là thật"],
      en: ["Is this official?", "how do I know these messages are genuine"],
    },
    answer: {
      vi: "Đây là kênh Dịch vụ công chủ động của tỉnh Tây Ninh, triển khai theo Kế hoạch 920/KH-UBND của UBND tỉnh. Kênh không bao giờ hỏi mật khẩu hay mã OTP của anh/chị và không yêu cầu chuyển tiền vào tài khoản cá nhân. Nếu nghi ngờ một tin nhắn, anh/chị đừng bấm liên kết lạ và gọi tổng đài 1022 để kiểm tra.",
      en: "This is Tây Ninh province's proactive public service channel, run under the Provincial People's Committee's Plan 920/KH-UBND. It never asks for your password or OTP code and never asks you to transfer money to a personal account. If a message looks suspicious, do not tap unknown links and call the 1022 hotline to check.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục (kênh Zalo, SMS)" },
  },
  {
    id: "hccd-not-listed",
    topic: "about",
    question: { vi: "Thủ tục tôi cần không có trong danh sách thì làm ở đâu?", en: "Where do I go for a procedure that is not on the list?" },
    alternatives: {
      vi: ["doi bang lai xe o dau", "Làm sổ đỏ có trong dịch vụ chủ động không?", "thu tuc khac khong co trong danh muc", "gia hạn gplx có nhắc không"],
      en: ["How do I renew my driving licence?", "my procedure is not covered"],
    },
    answer: {
      vi: "Các thủ tục chưa có trong danh mục thí điểm (ví dụ đổi giấy phép lái xe, cấp sổ đỏ) anh/chị vẫn làm như bình thường: tra cứu và nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, hoặc đến Bộ phận một cửa. Cần hướng dẫn, anh/chị gọi tổng đài 1022 hoặc nhắn “gặp cán bộ”.",
      en: "Procedures outside the pilot list (for example exchanging a driving licence or a land-use certificate) work as usual: look them up and file them online on the National Public Service Portal or the province's administrative procedure system, or at a one-stop desk. For help, call the 1022 hotline or type “gặp cán bộ” (talk to an officer).",
    },
    source: { title: SOURCES.onlinePlan, ref: "Mục II (Cổng Dịch vụ công quốc gia, Tổng đài 1022)" },
  },
  {
    id: "mini-app",
    topic: "about",
    question: { vi: "Ứng dụng Dịch vụ công chủ động trên Zalo dùng như thế nào?", en: "How do I use the proactive public service Mini App on Zalo?" },
    alternatives: {
      vi: ["mini app la gi", "Mở ứng dụng ở đâu?", "có phải cài app riêng không", "ung dung tren zalo de lam gi"],
      en: ["What is the Mini App?", "do I need to install an app"],
    },
    answer: {
      vi: "Ứng dụng (Mini App) chạy ngay trong Zalo, không cần cài thêm: anh/chị bấm nút “Mở ứng dụng” trong tin nhắn của kênh. Trong ứng dụng, anh/chị xác minh số điện thoại (một lần), xem và xác nhận hồ sơ dự thảo (ví dụ khai sinh cho con), theo dõi hồ sơ và vào phần Cài đặt để bật, tắt nhận tin.",
      en: "The Mini App runs inside Zalo, nothing to install: tap “Open app” in a message from this channel. In the app you verify your phone number (once), review and confirm draft dossiers (for example your child's birth registration), follow your dossiers, and switch messages on or off in Settings.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 6 và 58 (người dân xác nhận trên Zalo hoặc ứng dụng)" },
  },
  {
    id: "language",
    topic: "about",
    question: { vi: "Tôi muốn trò chuyện bằng tiếng Anh", en: "Can I chat in English?" },
    alternatives: {
      vi: ["doi ngon ngu sang tieng anh", "Có hỗ trợ tiếng Anh không?", "chuyển ngôn ngữ"],
      en: ["switch to English", "change language", "do you speak English"],
    },
    answer: {
      vi: "Anh/chị nhắn “English” hoặc bấm nút English để chuyển sang tiếng Anh; nhắn “Tiếng Việt” để chuyển lại. Lựa chọn được ghi nhớ cho các lần sau.",
      en: "Type “English” or tap the English button to switch to English; type “Tiếng Việt” to switch back to Vietnamese. Your choice is remembered.",
    },
    source: { title: SOURCES.onlinePlan, ref: "Mục II (hỗ trợ người dân sử dụng dịch vụ công trực tuyến)" },
  },
  {
    id: "driving-licence",
    topic: "about",
    question: { vi: "Giấy phép lái xe (bằng lái) hết hạn thì đổi ở đâu?", en: "Where do I renew an expired driving licence?" },
    alternatives: {
      vi: ["doi gplx o dau", "Bằng lái ô tô sắp hết hạn có được nhắc không?", "cấp đổi giấy phép lái xe trực tuyến", "gplx het han"],
      en: ["driving licence renewal", "exchange my driver's license"],
    },
    answer: {
      vi: "Đổi giấy phép lái xe chưa nằm trong danh mục dịch vụ chủ động thí điểm của tỉnh, nên kênh chưa nhắc hạn bằng lái. Anh/chị tra cứu và nộp hồ sơ đổi giấy phép lái xe trên Cổng Dịch vụ công quốc gia; cần hướng dẫn, anh/chị gọi tổng đài 1022.",
      en: "Driving licence renewal is not among the province's pilot proactive services, so this channel does not send licence reminders. Look up and file the renewal on the National Public Service Portal; for guidance, call the 1022 hotline.",
    },
    source: { title: `${SOURCES.plan920}; ${SOURCES.onlinePlan}`, ref: "Phụ lục danh mục dịch vụ (không có thủ tục đổi giấy phép lái xe); Cổng Dịch vụ công quốc gia" },
  },
];
