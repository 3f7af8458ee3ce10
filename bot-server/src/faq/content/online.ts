import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** Online public services, VNeID, online payment, and the other citizen services of the pilot. */
export const onlineEntries: FaqEntry[] = [
  {
    id: "online-public-services",
    topic: "online",
    question: { vi: "Dịch vụ công trực tuyến là gì, nộp hồ sơ online ở đâu?", en: "What are online public services and where do I file online?" },
    alternatives: {
      vi: ["nop ho so online o dau", "Cổng dịch vụ công quốc gia là gì?", "dịch vụ công trực tuyến toàn trình nghĩa là sao", "lam thu tuc tren mang"],
      en: ["National Public Service Portal", "apply online"],
    },
    answer: {
      vi: "Dịch vụ công trực tuyến cho phép nộp hồ sơ, theo dõi và nhận kết quả thủ tục hành chính qua mạng. Anh/chị nộp trên Cổng Dịch vụ công quốc gia, Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh hoặc ứng dụng VNeID. “Toàn trình” nghĩa là làm trọn trên mạng, không phải đến cơ quan. Cần hỗ trợ, gọi tổng đài 1022.",
      en: "Online public services let you file, follow and receive the result of administrative procedures over the internet. File on the National Public Service Portal, the province's administrative procedure system, or the VNeID app. “End-to-end” (toàn trình) means the whole procedure is done online without visiting an office. For help, call the 1022 hotline.",
    },
    source: { title: SOURCES.onlinePlan, ref: "Mục I–II (dịch vụ công trực tuyến toàn trình; Cổng Dịch vụ công quốc gia)" },
  },
  {
    id: "vneid-what",
    topic: "online",
    question: { vi: "Ứng dụng VNeID dùng để làm gì?", en: "What is the VNeID app for?" },
    alternatives: {
      vi: ["vneid la gi", "Tài khoản định danh điện tử dùng vào việc gì?", "có VNeID rồi có cần mang căn cước không", "giay to tren vneid"],
      en: ["what is VNeID", "electronic identification account"],
    },
    answer: {
      vi: "VNeID là ứng dụng định danh và xác thực điện tử của Bộ Công an. Với tài khoản định danh điện tử, anh/chị đăng nhập dịch vụ công, nộp một số thủ tục (như khai sinh, tạm trú, khai tử theo thủ tục liên thông), và dùng các giấy tờ, tiện ích đã được tích hợp (thẻ căn cước, thẻ BHYT, sổ sức khỏe điện tử…) để dần thay giấy tờ bản giấy.",
      en: "VNeID is the Ministry of Public Security's electronic identification and authentication app. With an electronic ID account you can sign in to public services, file some procedures (such as birth, temporary residence and death registration through the linked procedures), and use integrated documents and utilities (ID card, health insurance card, electronic health book…) instead of paper copies.",
    },
    source: { title: `${SOURCES.de06Plan}; ${SOURCES.linked}`, ref: "Mục 9.3 (tích hợp giấy tờ, tiện ích trên VNeID)" },
  },
  {
    id: "vneid-account",
    topic: "online",
    question: { vi: "Đăng ký hoặc lấy lại tài khoản VNeID ở đâu?", en: "Where do I register or recover a VNeID account?" },
    alternatives: {
      vi: ["quen mat khau vneid", "Kích hoạt tài khoản định danh điện tử mức 2", "vneid bị khóa thì làm sao", "dang ky vneid cho nguoi gia"],
      en: ["forgot VNeID password", "activate VNeID level 2"],
    },
    answer: {
      vi: "Tài khoản định danh điện tử do Công an cấp. Anh/chị đến Công an xã/phường nơi cư trú để đăng ký, kích hoạt hoặc được hỗ trợ khi quên mật khẩu, bị khóa tài khoản. Kênh này không xử lý tài khoản VNeID và không bao giờ hỏi mật khẩu của anh/chị.",
      en: "Electronic ID accounts are issued by the police. Go to the commune or ward police where you live to register, activate it, or get help if you forgot the password or the account is locked. This channel does not handle VNeID accounts and never asks for your password.",
    },
    source: { title: SOURCES.de06Plan, ref: "Mục 9.3.1 (cấp tài khoản định danh điện tử)" },
  },
  {
    id: "online-payment",
    topic: "online",
    question: { vi: "Có thanh toán phí, lệ phí trực tuyến được không?", en: "Can I pay fees online?" },
    alternatives: {
      vi: ["thanh toan online duoc khong", "Đóng tiền BHYT qua mạng bằng cách nào?", "trả phí đăng kiểm bằng chuyển khoản", "thanh toan truc tuyen an toan khong"],
      en: ["online payment", "pay by bank transfer"],
    },
    answer: {
      vi: "Có. Với các dịch vụ có thu tiền (ví dụ gia hạn BHYT hộ gia đình, đăng kiểm xe), tin nhắc kèm liên kết thanh toán trực tuyến chính thức. Anh/chị chỉ thanh toán qua liên kết trong tin của kênh hoặc trên Cổng Dịch vụ công; không chuyển tiền vào tài khoản cá nhân theo yêu cầu của bất kỳ ai.",
      en: "Yes. For services that involve a payment (for example household health insurance renewal or vehicle inspection), the reminder includes an official online payment link. Pay only through the link in this channel's message or on the Public Service Portal; never transfer money to a personal account at anyone's request.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 5–6 (liên kết thanh toán trực tuyến)" },
  },
  {
    id: "tet-allowance",
    topic: "social",
    question: { vi: "Người có công nhận quà, trợ cấp Tết có phải làm đơn không?", en: "Do people with meritorious service need to apply for the Tết allowance?" },
    alternatives: {
      vi: ["tro cap tet nguoi co cong", "Quà Tết cho gia đình chính sách nhận thế nào?", "tiền Tết thương binh liệt sĩ chuyển vào tài khoản", "nguoi co cong nhan qua tet o dau"],
      en: ["Tết gift for war veterans", "Tết allowance payment"],
    },
    answer: {
      vi: "Không cần làm đơn. Dựa trên danh sách người có công và mức chi đã chuẩn hóa, Sở Nội vụ tự lập danh sách và gửi Kho bạc Nhà nước để chi trả qua tài khoản. Nếu thông tin tài khoản hoặc danh sách có sai sót, anh/chị nhắn “gặp cán bộ” hoặc liên hệ UBND xã/phường.",
      en: "No application is needed. From the list of people with meritorious service and the set amounts, the Department of Home Affairs draws up the payment list and sends it to the State Treasury, which pays into bank accounts. If your account details or the list are wrong, type “gặp cán bộ” or contact your commune or ward.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 3 (Trợ cấp Tết người có công)" },
    service: "tet-allowance",
  },
  {
    id: "land-data",
    topic: "land",
    question: { vi: "Xin cung cấp thông tin, dữ liệu đất đai làm thế nào?", en: "How do I request land information and data?" },
    alternatives: {
      vi: ["tra cuu thong tin thua dat", "Muốn xin trích lục thông tin đất đai", "kiểm tra quy hoạch, thông tin mảnh đất", "yeu cau cung cap du lieu dat dai"],
      en: ["land plot information", "request land records"],
    },
    answer: {
      vi: "Hệ thống tự tạo sẵn yêu cầu cung cấp thông tin, dữ liệu đất đai, điền sẵn thông tin cá nhân của anh/chị; anh/chị chỉ cần kiểm tra, xác nhận. Sở Nông nghiệp và Môi trường giải quyết trên môi trường điện tử; kết quả trả trực tiếp hoặc qua dịch vụ bưu chính công ích, và anh/chị được nhắn khi có kết quả.",
      en: "The system creates the land information request for you, prefilled with your personal details; you only check and confirm. The Department of Agriculture and Environment handles it electronically; the result is handed over in person or by public postal service, and you are notified when it is ready.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục VI.1 (Cung cấp thông tin, dữ liệu đất đai)" },
    service: "land-data",
  },
  {
    id: "vehicle-inspection",
    topic: "transport",
    question: { vi: "Có nhắc lịch đăng kiểm xe ô tô không?", en: "Do you remind me about vehicle inspection?" },
    alternatives: {
      vi: ["nhac han dang kiem xe", "Xe ô tô sắp hết hạn kiểm định", "đặt lịch đăng kiểm online", "tem kiem dinh het han", "xe may co duoc nhac dang kiem khong"],
      en: ["car inspection reminder", "roadworthiness certificate expiry"],
    },
    answer: {
      vi: "Có. Từ dữ liệu đăng kiểm quốc gia, hệ thống nhắn nhắc trước 30 ngày khi giấy chứng nhận kiểm định, tem kiểm định của xe cơ giới (trừ xe mô tô, xe gắn máy) hoặc xe máy chuyên dùng sắp hết hạn, kèm lịch đặt hẹn và thanh toán điện tử (thủ tục 1.013092).",
      en: "Yes. From national inspection data, the system reminds you 30 days before the inspection certificate and sticker of a motor vehicle (cars; not motorcycles or mopeds) or specialised machine expires, with appointment booking and electronic payment (procedure 1.013092).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 5 (thủ tục 1.013092)" },
    service: "vehicle-inspection",
  },
];
