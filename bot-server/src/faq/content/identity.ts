import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** ID card (Luật Căn cước 26/2023/QH15) and temporary residence (Luật Cư trú 68/2020/QH14). */
export const identityEntries: FaqEntry[] = [
  {
    id: "idcard-ages",
    topic: "id-card",
    question: { vi: "Đến tuổi nào (14, 25, 40, 60) thì phải đổi thẻ căn cước?", en: "At what ages (14, 25, 40, 60) must the ID card be renewed?" },
    alternatives: {
      vi: ["may tuoi thi doi cccd", "Thẻ căn cước công dân hết hạn khi nào?", "đủ 25 tuổi có phải làm lại căn cước không", "cmnd het han doi o dau", "năm nay đến tuổi đổi thẻ chưa"],
      en: ["when does my ID card expire", "ID card renewal age", "At what age do I have to change my ID card?"],
    },
    answer: {
      vi: "Công dân phải cấp đổi thẻ căn cước khi đủ 14, 25, 40 và 60 tuổi. Hệ thống đối chiếu dữ liệu dân cư và nhắc anh/chị trước mốc tuổi; thủ tục cấp đổi làm tại cơ quan Công an theo hướng dẫn trong tin nhắn.",
      en: "Citizens must renew the ID card on reaching 14, 25, 40 and 60. The system checks population data and reminds you before the birthday; the renewal is done with the police as explained in the reminder.",
    },
    source: { title: SOURCES.canCuoc, ref: "Điều 21 khoản 1" },
    service: "id-card-renewal",
  },
  {
    id: "idcard-two-years",
    topic: "id-card",
    question: { vi: "Thẻ căn cước cấp trong vòng 2 năm trước tuổi đổi, hoặc từ 58 tuổi, có giá trị đến khi nào?", en: "How long is an ID card valid if issued within 2 years before a renewal age, or at 58 or older?" },
    alternatives: {
      vi: ["lam cccd nam 23 tuoi den 25 co phai doi", "Thẻ cấp trong vòng 2 năm trước tuổi đổi thì sao?", "trên 58 tuổi làm căn cước có phải đổi nữa không", "the can cuoc co gia tri den khi nao"],
      en: ["card issued within two years of the renewal age", "ID card issued after 58"],
    },
    answer: {
      vi: "Thẻ được cấp, đổi trong vòng 2 năm trước các mốc 14, 25, 40, 60 tuổi vẫn có giá trị đến mốc tuổi tiếp theo, nên anh/chị chưa phải đổi ở mốc đó. Ví dụ: làm thẻ năm 23–25 tuổi thì dùng đến 40 tuổi. Thẻ cấp từ 58 tuổi trở lên có giá trị sử dụng suốt đời.",
      en: "A card issued or renewed within the 2 years before 14, 25, 40 or 60 stays valid until the next of those ages, so you need not renew at that age. For example, a card issued at 23–25 is valid until 40. A card issued at 58 or older never expires.",
    },
    source: { title: SOURCES.canCuoc, ref: "Điều 21 khoản 2" },
    service: "id-card-renewal",
  },
  {
    id: "idcard-other-reasons",
    topic: "id-card",
    question: { vi: "Ngoài đến tuổi, trường hợp nào phải đổi thẻ căn cước?", en: "Apart from age, when must the ID card be exchanged?" },
    alternatives: {
      vi: ["doi ten co phai doi can cuoc", "Thẻ căn cước bị sai thông tin thì làm sao?", "thay đổi đặc điểm nhận dạng có cần làm lại thẻ", "the cccd bi hong bi mo"],
      en: ["wrong details on ID card", "change of name ID card"],
    },
    answer: {
      vi: "Thẻ được cấp đổi khi: thay đổi, cải chính họ tên hoặc ngày sinh; thay đổi đặc điểm nhận dạng; thông tin trên thẻ có sai sót; thay đổi địa giới, tên đơn vị hành chính (khi người dân có yêu cầu); hoặc theo yêu cầu của người được cấp thẻ.",
      en: "The card is exchanged when: the name or date of birth is changed or corrected; identifying features change; the card has errors; the administrative unit's boundary or name changes (at the holder's request); or whenever the holder asks.",
    },
    source: { title: SOURCES.canCuoc, ref: "Điều 24 khoản 1" },
    service: "id-card-renewal",
  },
  {
    id: "idcard-number",
    topic: "id-card",
    question: { vi: "12 số trên thẻ căn cước có ý nghĩa gì?", en: "What do the 12 digits of the ID number mean?" },
    alternatives: {
      vi: ["ma so dinh danh ca nhan la gi", "Số định danh 072 là của tỉnh nào?", "so can cuoc bat dau bang 080", "ý nghĩa dãy số căn cước"],
      en: ["personal ID number meaning", "what does 072 mean"],
    },
    answer: {
      vi: "Số định danh cá nhân có 12 chữ số: 3 số đầu là mã tỉnh nơi đăng ký khai sinh (Tây Ninh 072, Long An 080); số thứ 4 là mã thế kỷ sinh và giới tính (0/1: nam/nữ sinh thế kỷ 20; 2/3: nam/nữ thế kỷ 21); 2 số tiếp theo là 2 số cuối năm sinh; 6 số cuối là số ngẫu nhiên.",
      en: "The personal ID number has 12 digits: the first 3 are the province where the birth was registered (Tây Ninh 072, Long An 080); the 4th encodes century of birth and sex (0/1: male/female born in the 1900s; 2/3: the 2000s); the next 2 are the last two digits of the birth year; the last 6 are a serial number.",
    },
    source: { title: SOURCES.idNumber, ref: "Cấu trúc số định danh cá nhân" },
    service: "id-card-renewal",
  },
  {
    id: "idcard-merger",
    topic: "id-card",
    question: { vi: "Long An sáp nhập vào Tây Ninh, có phải đổi thẻ căn cước không?", en: "Long An merged into Tây Ninh; do I need a new ID card?" },
    alternatives: {
      vi: ["sap nhap tinh co phai lam lai cccd", "Địa chỉ trên thẻ thay đổi sau sáp nhập xã", "so dinh danh co thay doi khi sap nhap khong", "doi ten tinh co doi the khong"],
      en: ["province merger ID card", "does my ID number change after the merger"],
    },
    answer: {
      vi: "Không bắt buộc. Từ 12/6/2025 Long An được nhập vào tỉnh Tây Ninh; số định danh cá nhân không thay đổi (cả mã 072 và 080 đều là người dân Tây Ninh hiện nay). Thẻ đang dùng vẫn có giá trị; anh/chị chỉ đổi thẻ để cập nhật tên đơn vị hành chính mới nếu có nhu cầu.",
      en: "It is not required. Since 12 June 2025 Long An has been part of Tây Ninh province; personal ID numbers do not change (both 072 and 080 belong to today's Tây Ninh). Your card remains valid; you exchange it to show the new administrative names only if you wish.",
    },
    source: { title: `${SOURCES.merger}; ${SOURCES.canCuoc}`, ref: "Nghị quyết 202/2025/QH15; Luật Căn cước Điều 24 khoản 1" },
    service: "id-card-renewal",
  },
  {
    id: "idcard-child",
    topic: "id-card",
    question: { vi: "Làm thẻ căn cước cho trẻ dưới 6 tuổi thế nào?", en: "How do I get an ID card for a child under 6?" },
    alternatives: {
      vi: ["lam cccd cho be", "Con nhỏ có làm căn cước được không?", "căn cước cho trẻ em dưới 6 tuổi", "thong bao moi lam can cuoc cho con"],
      en: ["ID card for my child", "identity card for children under six"],
    },
    answer: {
      vi: "Từ dữ liệu khai sinh và cư trú, Công an tỉnh chủ động lập danh sách trẻ dưới 6 tuổi để cấp thẻ căn cước và gửi thông báo mời phụ huynh hoàn tất thủ tục. Khi nhận thông báo, anh/chị làm theo hướng dẫn trong tin nhắn; cần hỏi thêm, nhắn “gặp cán bộ” hoặc gọi tổng đài 1022.",
      en: "Using birth and residence data, the provincial police draw up a list of children under 6 for ID cards and send parents an invitation to complete the procedure. When you receive it, follow the instructions in the message; for questions, type “gặp cán bộ” or call the 1022 hotline.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 2 (cấp căn cước cho trẻ dưới 6 tuổi)" },
    service: "id-card-child",
  },
  {
    id: "idcard-reminder",
    topic: "id-card",
    question: { vi: "Dịch vụ nhắc đổi thẻ căn cước hoạt động thế nào?", en: "How does the ID card renewal reminder work?" },
    alternatives: {
      vi: ["nhac doi can cuoc", "Sao tôi nhận tin báo thẻ căn cước sắp hết hạn?", "công an có báo trước khi hết hạn căn cước không", "cap doi the can cuoc chu dong"],
      en: ["ID card expiry reminder", "why did I get an ID card message"],
    },
    answer: {
      vi: "Công an tỉnh phối hợp với Bộ Công an (Cục C06) đối chiếu dữ liệu dân cư, cư trú để phát hiện thẻ căn cước sắp hết hạn theo mốc tuổi, rồi chủ động gửi thông báo và hướng dẫn anh/chị làm thủ tục cấp đổi. Tin nhắn chỉ để nhắc; anh/chị không phải trả lời bằng thông tin cá nhân.",
      en: "The provincial police, with the Ministry of Public Security (C06), check population and residence data to find ID cards about to expire at a renewal age, then send you a notice with guidance on the exchange procedure. The message is only a reminder; you do not need to reply with personal details.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục I.1 (Cấp đổi thẻ Căn cước)" },
    service: "id-card-renewal",
  },
  {
    id: "temp-residence-extend",
    topic: "residence",
    question: { vi: "Tạm trú được bao lâu, khi nào phải gia hạn?", en: "How long is temporary residence valid and when must I extend it?" },
    alternatives: {
      vi: ["gia han tam tru truoc bao nhieu ngay", "Đăng ký tạm trú có thời hạn mấy năm?", "tạm trú hết hạn thì làm sao", "thoi han tam tru toi da", "gia hạn tạm trú sớm hơn được không"],
      en: ["temporary residence extension", "temporary residence expiry"],
    },
    answer: {
      vi: "Thời hạn tạm trú tối đa là 2 năm và có thể gia hạn nhiều lần. Trong thời hạn 15 ngày trước ngày hết hạn tạm trú, anh/chị phải làm thủ tục gia hạn. Hệ thống đối chiếu dữ liệu cư trú và nhắc anh/chị trước hạn, kèm hướng dẫn làm thủ tục.",
      en: "Temporary residence lasts at most 2 years and can be extended repeatedly. You must apply for the extension within the 15 days before it ends. The system checks residence data and reminds you beforehand, with guidance on the procedure.",
    },
    source: { title: SOURCES.cuTru, ref: "Điều 27, Điều 28" },
    service: "temporary-residence",
  },
  {
    id: "temp-residence-reminder",
    topic: "residence",
    question: { vi: "Dịch vụ nhắc gia hạn tạm trú hoạt động ra sao?", en: "How does the temporary residence reminder work?" },
    alternatives: {
      vi: ["nhac het han tam tru", "Sinh viên ở trọ có được nhắc gia hạn tạm trú không?", "công an báo sắp hết hạn tạm trú", "gia han tam tru online"],
      en: ["temporary residence reminder", "renting a room, residence expiry"],
    },
    answer: {
      vi: "Công an tỉnh phối hợp với Cục C06 đối chiếu dữ liệu cư trú để phát hiện người sắp hết hạn tạm trú, chủ động gửi thông báo và hỗ trợ thủ tục gia hạn. Anh/chị có thể nộp gia hạn trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID, hoặc tại Công an xã/phường nơi tạm trú.",
      en: "The provincial police, with C06, check residence data to find people whose temporary residence is about to end, then notify them and help with the extension. You can apply online on the National Public Service Portal or VNeID, or at the commune or ward police where you are staying.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục I.2 (Gia hạn tạm trú)" },
    service: "temporary-residence",
  },
];
