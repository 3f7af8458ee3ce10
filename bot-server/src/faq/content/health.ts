import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** Household health insurance, the childhood vaccination schedule and health-sector licences. */
export const healthEntries: FaqEntry[] = [
  {
    id: "bhyt-periods",
    topic: "health-insurance",
    question: { vi: "BHYT hộ gia đình đóng theo mấy tháng một lần?", en: "How often is household health insurance paid?" },
    alternatives: {
      vi: ["dong bhyt ho gia dinh may thang", "Gia hạn thẻ bảo hiểm y tế hộ gia đình thế nào?", "đóng bảo hiểm y tế 3 tháng được không", "gia han bhyt online"],
      en: ["renew household health insurance", "pay health insurance for 6 months"],
    },
    answer: {
      vi: "BHYT hộ gia đình được đóng theo kỳ 3 tháng, 6 tháng hoặc 12 tháng. Đóng liên tục thì thẻ mới nối tiếp ngay từ ngày thẻ cũ hết hạn. Khi thẻ sắp hết hạn, hệ thống gửi nhắc kèm liên kết thanh toán trực tuyến; anh/chị xác nhận trên Zalo hoặc ứng dụng. (Kỳ đóng theo Nghị định 146/2018; quy định mới có thể thay đổi, chưa được xác nhận.)",
      en: "Household health insurance is paid for 3, 6 or 12 months at a time. If you renew without a break, the new card runs on from the old expiry date. When the card is about to expire, the system sends a reminder with an online payment link; you confirm on Zalo or in the app. (Periods per Decree 146/2018; newer rules may change them, not yet confirmed.)",
    },
    source: { title: SOURCES.healthInsurance, ref: "Nghị định 146/2018/NĐ-CP Điều 9 khoản 7 (có thể đã được thay thế bởi Luật 51/2024/QH15, Nghị định 188/2025 — chưa xác nhận); Kế hoạch 920/KH-UBND, Phụ lục mục 6" },
    service: "household-health-insurance",
  },
  {
    id: "bhyt-gap",
    topic: "health-insurance",
    question: { vi: "Thẻ BHYT hết hạn lâu rồi mới đóng lại thì có dùng được ngay không?", en: "If my health insurance lapsed and I pay again, can I use it straight away?" },
    alternatives: {
      vi: ["bhyt bi gian doan qua 3 thang", "Quên gia hạn bảo hiểm y tế mấy tháng thì sao?", "đóng lại bhyt sau 30 ngày mới dùng được à", "the bao hiem het han 4 thang"],
      en: ["health insurance gap", "30 day waiting period"],
    },
    answer: {
      vi: "Nếu thẻ bị gián đoạn quá 3 tháng, sau khi đóng lại thẻ chỉ có giá trị sử dụng sau 30 ngày kể từ ngày đóng. Vì vậy anh/chị nên gia hạn trước khi thẻ hết hạn; hệ thống sẽ nhắc trước để anh/chị không bị gián đoạn.",
      en: "If the card lapsed for more than 3 months, after you pay again it only becomes usable 30 days after the payment. So it is best to renew before the card expires; the system reminds you in advance so there is no gap.",
    },
    source: { title: SOURCES.healthInsurance, ref: "Luật Bảo hiểm y tế Điều 16 khoản 3" },
    service: "household-health-insurance",
  },
  {
    id: "bhyt-child",
    topic: "health-insurance",
    question: { vi: "Thẻ BHYT của trẻ dưới 6 tuổi có giá trị đến khi nào?", en: "Until when is a child under 6's health insurance card valid?" },
    alternatives: {
      vi: ["the bhyt tre em het han khi nao", "Con đủ 6 tuổi thì thẻ bảo hiểm còn dùng được không?", "bảo hiểm y tế cho bé dưới 6 tuổi", "the bao hiem cua be 72 thang"],
      en: ["child health insurance card expiry", "health insurance for kids under six"],
    },
    answer: {
      vi: "Thẻ BHYT của trẻ dưới 6 tuổi có giá trị đến khi trẻ đủ 72 tháng tuổi; nếu trẻ đủ 72 tháng tuổi trước khi vào năm học thì thẻ có giá trị đến hết ngày 30/9 năm đó. Thẻ cho trẻ mới sinh được làm cùng đăng ký khai sinh theo thủ tục liên thông.",
      en: "A child under 6's health insurance card is valid until the child is 72 months old; if that falls before the start of the school year, it is valid until 30 September of that year. A newborn's card is issued together with the birth registration through the linked procedure.",
    },
    source: { title: `${SOURCES.healthInsurance}; ${SOURCES.linked}`, ref: "Thời hạn thẻ của trẻ em dưới 6 tuổi; nhóm thủ tục khai sinh – thường trú – BHYT" },
    service: "household-health-insurance",
  },
  {
    id: "vax-schedule",
    topic: "vaccination",
    question: { vi: "Lịch tiêm chủng mở rộng đầy đủ cho trẻ gồm những mũi nào?", en: "What is the full childhood vaccination schedule?" },
    alternatives: {
      vi: ["lich tiem chung cho be", "Con mấy tháng thì tiêm mũi gì?", "các mốc tiêm chủng của trẻ", "tiem chung mo rong gom nhung vacxin nao", "các mũi tiêm miễn phí theo chương trình của nhà nước"],
      en: ["vaccination schedule for my baby", "which vaccines does my child need"],
    },
    answer: {
      vi: "Theo lịch mới nhất Bộ Y tế công bố: sơ sinh tiêm viêm gan B (trong 24 giờ) và lao BCG (trong 1 tháng); 2, 3, 4 tháng: vắc xin 5 trong 1 và uống bại liệt; 5 tháng: bại liệt tiêm (IPV); 9 tháng: sởi; từ 12 tháng: viêm não Nhật Bản; 18 tháng: sởi – rubella và nhắc bạch hầu – ho gà – uốn ván; 7 tuổi: nhắc uốn ván – bạch hầu (Td). Nhắn “lịch tiêm” để xem lịch theo ngày sinh của con.",
      en: "Per the latest schedule published by the Ministry of Health: at birth, hepatitis B (within 24 hours) and BCG (within 1 month); at 2, 3, 4 months, the 5-in-1 vaccine and oral polio; 5 months, injected polio (IPV); 9 months, measles; from 12 months, Japanese encephalitis; 18 months, measles-rubella and the DTP booster; 7 years, the Td booster. Type “lịch tiêm” for your child's dates.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT, danh mục và lịch tiêm chủng mở rộng" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-newborn",
    topic: "vaccination",
    question: { vi: "Trẻ sơ sinh cần tiêm những mũi nào ngay sau sinh?", en: "Which vaccines does a newborn need right after birth?" },
    alternatives: {
      vi: ["be moi sinh tiem gi", "Tiêm viêm gan B sơ sinh khi nào?", "tiêm lao BCG trong bao lâu", "so sinh tiem vacxin nao"],
      en: ["newborn vaccines", "hepatitis B birth dose"],
    },
    answer: {
      vi: "Trẻ sơ sinh được tiêm vắc xin viêm gan B liều sơ sinh trong vòng 24 giờ sau sinh, và vắc xin phòng lao (BCG) một liều trong vòng 1 tháng sau sinh. Anh/chị kiểm tra sổ tiêm chủng của con; nếu chưa tiêm, hỏi trạm y tế xã/phường.",
      en: "A newborn gets the hepatitis B birth dose within 24 hours of birth and one dose of the tuberculosis vaccine (BCG) within 1 month. Check your child's vaccination record; if a dose is missing, ask your commune or ward health station.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT (viêm gan B sơ sinh, BCG)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-5in1",
    topic: "vaccination",
    question: { vi: "Vắc xin 5 trong 1 và vắc xin bại liệt uống cho trẻ lúc mấy tháng?", en: "When are the 5-in-1 vaccine and oral polio given?" },
    alternatives: {
      vi: ["tiem 5 trong 1 luc may thang", "Bé 2 tháng tuổi tiêm mũi gì?", "mũi 2 mũi 3 của vắc xin 5 trong 1 cách nhau bao lâu", "uong bai liet may lan"],
      en: ["5-in-1 vaccine schedule", "what shots at 2 months"],
    },
    answer: {
      vi: "Vắc xin 5 trong 1 (bạch hầu, ho gà, uốn ván, viêm gan B, Hib): mũi 1 lúc trẻ 2 tháng tuổi, mũi 2 và mũi 3 mỗi mũi cách mũi trước ít nhất 1 tháng. Vắc xin bại liệt uống (OPV): 3 lần lúc 2, 3 và 4 tháng tuổi.",
      en: "The 5-in-1 vaccine (diphtheria, pertussis, tetanus, hepatitis B, Hib): dose 1 at 2 months, then doses 2 and 3 each at least 1 month after the previous one. Oral polio vaccine (OPV): 3 doses at 2, 3 and 4 months.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT (DPT-VGB-Hib, OPV)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-polio-ipv",
    topic: "vaccination",
    question: { vi: "Tiêm bại liệt (IPV) lúc mấy tháng?", en: "When is the injected polio vaccine (IPV) given?" },
    alternatives: {
      vi: ["ipv tiem khi nao", "Bé 5 tháng tiêm gì?", "bại liệt tiêm mũi 2 lúc 9 tháng phải không", "tiem bai liet mui tiem"],
      en: ["IPV schedule", "polio injection age"],
    },
    answer: {
      vi: "Vắc xin bại liệt tiêm (IPV) được tiêm lúc trẻ 5 tháng tuổi. Thông tin về mũi IPV thứ hai lúc 9 tháng tuổi chúng tôi chưa xác nhận được; anh/chị hỏi trạm y tế xã/phường để biết lịch cụ thể của con.",
      en: "The injected polio vaccine (IPV) is given at 5 months. We have not been able to confirm a second IPV dose at 9 months; please ask your commune or ward health station for your child's exact schedule.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT (IPV; liều thứ hai lúc 9 tháng chưa xác nhận)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-measles",
    topic: "vaccination",
    question: { vi: "Tiêm sởi và sởi – rubella lúc mấy tháng?", en: "When are the measles and measles-rubella vaccines given?" },
    alternatives: {
      vi: ["tiem soi luc 9 thang", "Bé 18 tháng tiêm những mũi gì?", "mũi sởi rubella MR tiêm khi nào", "tiem nhac bach hau ho ga uon van 18 thang"],
      en: ["measles vaccine age", "shots at 18 months"],
    },
    answer: {
      vi: "Trẻ tiêm vắc xin sởi lúc 9 tháng tuổi. Lúc 18 tháng tuổi, trẻ tiêm vắc xin sởi – rubella (MR) và mũi nhắc lại bạch hầu – ho gà – uốn ván (DPT).",
      en: "Children get the measles vaccine at 9 months. At 18 months they get the measles-rubella (MR) vaccine and the diphtheria-pertussis-tetanus (DTP) booster.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT (sởi, MR, DPT nhắc lại)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-je",
    topic: "vaccination",
    question: { vi: "Tiêm viêm não Nhật Bản mấy mũi, cách nhau bao lâu?", en: "How many Japanese encephalitis doses, and how far apart?" },
    alternatives: {
      vi: ["viem nao nhat ban tiem may mui", "Bé 1 tuổi tiêm viêm não chưa?", "mũi 3 viêm não nhật bản khi nào", "lich tiem viem nao"],
      en: ["Japanese encephalitis vaccine schedule", "JE vaccine doses"],
    },
    answer: {
      vi: "Vắc xin viêm não Nhật Bản: mũi 1 khi trẻ từ 12 tháng tuổi; mũi 2 sau mũi 1 từ 1 đến 2 tuần; mũi 3 sau mũi 2 một năm.",
      en: "Japanese encephalitis vaccine: dose 1 from 12 months of age; dose 2 one to two weeks after dose 1; dose 3 one year after dose 2.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT (viêm não Nhật Bản)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-td",
    topic: "vaccination",
    question: { vi: "Trẻ 7 tuổi có phải tiêm nhắc mũi nào không?", en: "Does a 7-year-old need a booster?" },
    alternatives: {
      vi: ["7 tuoi tiem gi", "Tiêm nhắc uốn ván bạch hầu Td lúc mấy tuổi?", "con vào lớp 2 có tiêm chủng không", "mui td la gi"],
      en: ["Td booster age", "vaccines at age 7"],
    },
    answer: {
      vi: "Có. Lúc 7 tuổi, trẻ được tiêm nhắc lại vắc xin uốn ván – bạch hầu (Td) trong chương trình tiêm chủng mở rộng. Anh/chị hỏi trạm y tế xã/phường về ngày tiêm tại địa phương.",
      en: "Yes. At 7 years old children get the tetanus-diphtheria (Td) booster in the expanded programme. Ask your commune or ward health station for the local vaccination day.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT (Td nhắc lại)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-rota-pneumo",
    topic: "vaccination",
    question: { vi: "Vắc xin rota và phế cầu có trong tiêm chủng mở rộng không?", en: "Are rotavirus and pneumococcal vaccines in the free programme?" },
    alternatives: {
      vi: ["tiem phe cau mien phi khong", "Uống rota cho bé ở trạm y tế được không?", "vắc xin tiêu chảy do rotavirus", "thong tu 52 them vacxin gi"],
      en: ["rotavirus vaccine", "pneumococcal vaccine free"],
    },
    answer: {
      vi: "Thông tư 52/2025/TT-BYT (từ 15/02/2026) bổ sung vắc xin rota và phế cầu vào tiêm chủng mở rộng. Số liều và tuổi tiêm cụ thể chúng tôi chưa xác nhận được, nên chưa nhắc tự động hai loại này; anh/chị hỏi trạm y tế xã/phường về lịch triển khai tại địa phương.",
      en: "Circular 52/2025/TT-BYT (from 15 February 2026) adds rotavirus and pneumococcal vaccines to the expanded programme. We have not been able to confirm the doses and ages, so we do not send automatic reminders for them yet; ask your commune or ward health station when they are offered locally.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 52/2025/TT-BYT (liều và tuổi tiêm rota, phế cầu chưa xác nhận)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-reminder",
    topic: "vaccination",
    question: { vi: "Nhắc lịch tiêm chủng tự động hoạt động thế nào?", en: "How do automatic vaccination reminders work?" },
    alternatives: {
      vi: ["nhac lich tiem cho con", "Làm sao để được nhắc lịch tiêm của bé?", "đăng ký nhận nhắc tiêm chủng", "sao biet con toi toi lich tiem", "muốn được nhắn tin khi bé đến ngày tiêm"],
      en: ["vaccination reminder", "remind me of my baby's shots"],
    },
    answer: {
      vi: "Với trẻ sinh tại bệnh viện công tham gia thí điểm, hệ thống dùng dữ liệu sinh từ bệnh viện để tự động nhắn Zalo hoặc SMS cho cha, mẹ trước mỗi mốc tiêm của con. Anh/chị không cần đăng ký; chỉ cần số điện thoại trong giấy chứng sinh là số anh/chị đang dùng. Nhắn “lịch tiêm” để xem lịch của con.",
      en: "For babies born in a public hospital in the pilot, the system uses the hospital's birth data to message the parents on Zalo or by SMS before each vaccination date. No sign-up needed; just make sure the phone number on the birth certificate is the one you use. Type “lịch tiêm” to see your child's calendar.",
    },
    source: { title: `${SOURCES.plan920}; ${SOURCES.healthPlan}`, ref: "Phụ lục, mục 1 (Nhắc lịch tiêm chủng tự động)" },
    service: "vaccination-reminder",
  },
  {
    id: "vax-missed",
    topic: "vaccination",
    question: { vi: "Con tôi bị lỡ mũi tiêm thì phải làm sao?", en: "My child missed a vaccination; what should I do?" },
    alternatives: {
      vi: ["tre tiem tre lich co sao khong", "Quên đưa bé đi tiêm đúng hẹn", "bé bị ốm nên hoãn tiêm được không", "tiem bu mui bi lo"],
      en: ["missed vaccine dose", "late for a vaccination"],
    },
    answer: {
      vi: "Anh/chị đưa con đến trạm y tế xã/phường càng sớm càng tốt để cán bộ y tế khám và tiêm bù theo hướng dẫn; mang theo sổ tiêm chủng. Nếu con đang ốm, cán bộ y tế sẽ quyết định thời điểm tiêm phù hợp.",
      en: "Take your child to the commune or ward health station as soon as possible so the health worker can check and give the catch-up dose as advised; bring the vaccination record. If your child is ill, the health worker will decide when to vaccinate.",
    },
    source: { title: SOURCES.vaccination, ref: "Thông tư 10/2024/TT-BYT (tiêm chủng tại cơ sở y tế)" },
    service: "vaccination-reminder",
  },
  {
    id: "medical-practice-certificate",
    topic: "licence-health",
    question: { vi: "Nhắc hạn và gia hạn chứng chỉ hành nghề khám bệnh, chữa bệnh thế nào?", en: "How do reminders and renewal work for a medical practice certificate?" },
    alternatives: {
      vi: ["gia han chung chi hanh nghe bac si", "Chứng chỉ hành nghề y sắp hết hạn", "cấp lại cchn khám chữa bệnh online", "giay phep hanh nghe y duoc"],
      en: ["renew my medical practice licence", "doctor practising certificate"],
    },
    answer: {
      vi: "Sở Y tế rà quét định kỳ dữ liệu chứng chỉ hành nghề (giấy phép hành nghề) khám bệnh, chữa bệnh có thời hạn, nhắc người hành nghề khi sắp hết hạn, và cung cấp hướng dẫn, biểu mẫu điện tử để gia hạn, cấp lại trực tuyến. Thời hạn cụ thể theo Luật Khám bệnh, chữa bệnh 2023; anh/chị kiểm tra ngày hết hạn trên giấy của mình.",
      en: "The Department of Health periodically scans its data on time-limited medical practice certificates (practising licences), reminds practitioners before expiry, and provides guidance and e-forms to renew or reissue them online. The validity is set by the 2023 Law on Medical Examination and Treatment; check the expiry date on your own licence.",
    },
    source: { title: `${SOURCES.plan920}; Luật Khám bệnh, chữa bệnh 15/2023/QH15`, ref: "Phụ lục, mục 13–14; Kế hoạch 6259/KH-SYT" },
    service: "medical-practice-certificate",
  },
  {
    id: "medical-facility-licence",
    topic: "licence-health",
    question: { vi: "Cấp lại giấy phép hoạt động khám bệnh, chữa bệnh cho phòng khám như thế nào?", en: "How do I get a clinic's medical operating licence reissued?" },
    alternatives: {
      vi: ["cap lai giay phep hoat dong phong kham", "Giấy phép hoạt động của cơ sở y tế bị mất", "gia hạn giấy phép phòng khám tư", "giay phep hoat dong kham chua benh"],
      en: ["clinic operating licence", "reissue medical facility licence"],
    },
    answer: {
      vi: "Sở Y tế chuẩn bị sẵn thông tin, biểu mẫu điện tử và hướng dẫn để cơ sở khám bệnh, chữa bệnh làm thủ tục cấp lại giấy phép hoạt động trực tuyến. Khi nhận tin gợi ý, cơ sở kiểm tra thông tin điền sẵn, bổ sung giấy tờ theo hướng dẫn và nộp trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
      en: "The Department of Health prepares information, e-forms and guidance so that medical facilities can apply online to have their operating licence reissued. When you receive the suggestion, check the prefilled details, add the documents requested and file it on the province's administrative procedure system.",
    },
    source: { title: `${SOURCES.plan920}; ${SOURCES.healthPlan}`, ref: "Phụ lục, mục 15" },
    service: "medical-facility-licence",
  },
];
