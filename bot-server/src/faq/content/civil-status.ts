import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** Birth and death registration (Luật Hộ tịch 60/2014/QH13; procedures 1.001193 and 1.000656). */
export const civilStatusEntries: FaqEntry[] = [
  {
    id: "birth-deadline",
    topic: "birth",
    question: { vi: "Thời hạn đăng ký khai sinh cho con là bao lâu?", en: "What is the deadline to register a child's birth?" },
    alternatives: {
      vi: ["sinh con bao lau phai lam giay khai sinh", "Mấy ngày phải đi khai sinh cho bé?", "quá 60 ngày chưa khai sinh thì sao", "han chot dang ky khai sinh", "con được mấy tháng rồi mà chưa làm khai sinh"],
      en: ["how many days to register a birth", "birth registration deadline"],
    },
    answer: {
      vi: "Trong 60 ngày kể từ ngày sinh, cha hoặc mẹ phải đăng ký khai sinh cho con. Với trẻ sinh tại bệnh viện tham gia thí điểm, hệ thống chuẩn bị sẵn hồ sơ và nhắc anh/chị trước hạn. Nếu đã quá 60 ngày, anh/chị vẫn phải đăng ký: liên hệ UBND xã/phường nơi cư trú hoặc gọi tổng đài 1022 để được hướng dẫn.",
      en: "Within 60 days of the birth, the father or mother must register it. For babies born in a hospital taking part in the pilot, the system prepares the dossier and reminds you before the deadline. If 60 days have already passed, you still have to register: contact the commune or ward People's Committee where you live, or call the 1022 hotline for guidance.",
    },
    source: { title: SOURCES.hoTich, ref: "Điều 15 khoản 1" },
    service: "birth-registration",
  },
  {
    id: "birth-fee",
    topic: "birth",
    question: { vi: "Đăng ký khai sinh có mất phí không?", en: "Is there a fee for birth registration?" },
    alternatives: {
      vi: ["lam khai sinh ton bao nhieu tien", "Khai sinh cho bé có phải đóng lệ phí không?", "le phi giay khai sinh", "dk khai sinh mien phi ko"],
      en: ["how much does a birth certificate cost", "birth registration fee"],
    },
    answer: {
      vi: "Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh) được miễn lệ phí. Khi làm qua dịch vụ chủ động, anh/chị không phải nộp hồ sơ giấy.",
      en: "Birth registration on time (within 60 days of the birth) is free of charge. Through the proactive service you do not have to hand in paper documents.",
    },
    source: { title: SOURCES.hoTich, ref: "Điều 11 (miễn lệ phí đăng ký khai sinh đúng hạn)" },
    service: "birth-registration",
  },
  {
    id: "birth-proactive",
    topic: "birth",
    question: { vi: "Đăng ký khai sinh chủ động hoạt động như thế nào?", en: "How does proactive birth registration work?" },
    alternatives: {
      vi: ["khai sinh chu dong la sao", "Bệnh viện gửi giấy chứng sinh thì tôi cần làm gì tiếp?", "hồ sơ khai sinh dự thảo", "nhan tin nhan xac nhan khai sinh cho con"],
      en: ["I got a message about my baby's birth registration", "prefilled birth registration"],
    },
    answer: {
      vi: "Khi bệnh viện cấp giấy chứng sinh điện tử, hệ thống đối chiếu dữ liệu cư trú và chuẩn bị sẵn hồ sơ khai sinh dự thảo. Anh/chị mở ứng dụng, kiểm tra thông tin, đặt tên cho con, chọn nơi đăng ký và bấm đồng ý. Chỉ sau đó hồ sơ mới được chuyển đến UBND xã/phường để công chức kiểm tra, xử lý và cấp giấy khai sinh, không cần nộp giấy tờ.",
      en: "When the hospital issues the electronic birth certificate, the system checks it against residence data and prepares a draft birth registration. You open the Mini App, check the details, enter your baby's name, choose the registration office and consent. Only then is the dossier sent to the commune or ward for an officer to check it and issue the birth certificate, with no paperwork.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục IV.1; Kế hoạch 920/KH-UBND, Phụ lục mục 58 (thủ tục 1.001193)" },
    service: "birth-registration",
  },
  {
    id: "birth-who",
    topic: "birth",
    question: { vi: "Ai được đi đăng ký khai sinh cho trẻ?", en: "Who can register a child's birth?" },
    alternatives: {
      vi: ["ong ba co lam khai sinh cho chau duoc khong", "Bố mẹ đi làm xa, người nhà khai sinh thay được không?", "người nuôi dưỡng có được khai sinh không", "ba me khong di duoc thi ai di"],
      en: ["can grandparents register the birth", "who registers a birth"],
    },
    answer: {
      vi: "Cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con. Nếu cha, mẹ không thể đi đăng ký thì ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ đăng ký thay.",
      en: "The father or mother is responsible for registering the birth. If they cannot, a grandparent, another relative, or the person or organisation caring for the child registers it instead.",
    },
    source: { title: SOURCES.hoTich, ref: "Điều 15 khoản 1" },
    service: "birth-registration",
  },
  {
    id: "birth-contents",
    topic: "birth",
    question: { vi: "Giấy khai sinh gồm những thông tin gì, cần chuẩn bị gì?", en: "What details go on a birth registration and what should I prepare?" },
    alternatives: {
      vi: ["khai sinh can giay to gi", "Làm khai sinh cần mang những gì?", "nội dung đăng ký khai sinh", "to khai dang ky khai sinh ghi gi"],
      en: ["documents needed for birth registration", "birth registration form contents"],
    },
    answer: {
      vi: "Nội dung khai sinh gồm: họ tên, giới tính, ngày, nơi sinh, quê quán, dân tộc, quốc tịch của trẻ; họ tên, năm sinh, dân tộc, quốc tịch, nơi cư trú của cha, mẹ; và số định danh cá nhân của trẻ. Với dịch vụ chủ động, phần lớn thông tin đã có sẵn từ giấy chứng sinh và dữ liệu cư trú; anh/chị chỉ cần kiểm tra và đặt tên cho con.",
      en: "A birth registration records: the child's name, sex, date and place of birth, home town, ethnicity and nationality; each parent's name, year of birth, ethnicity, nationality and residence; and the child's personal ID number. With the proactive service most of this is already filled in from the birth certificate and residence data; you only check it and give the name.",
    },
    source: { title: SOURCES.hoTich, ref: "Điều 14; tờ khai theo Thông tư 04/2020/TT-BTP (sửa đổi bởi Thông tư 04/2024/TT-BTP)" },
    service: "birth-registration",
  },
  {
    id: "birth-place",
    topic: "birth",
    question: { vi: "Đăng ký khai sinh ở đâu?", en: "Where is a birth registered?" },
    alternatives: {
      vi: ["khai sinh o xa nao", "Bố mẹ ở khác xã thì đăng ký khai sinh ở đâu?", "chọn nơi đăng ký khai sinh", "lam giay khai sinh o phuong nao"],
      en: ["which office registers births", "choose the registration place"],
    },
    answer: {
      vi: "Khai sinh được đăng ký tại UBND xã/phường nơi cư trú của cha hoặc mẹ. Trong ứng dụng, anh/chị chọn một trong các nơi đăng ký phù hợp; hồ sơ được chuyển đến đó sau khi anh/chị đồng ý.",
      en: "A birth is registered at the commune or ward People's Committee where the father or the mother lives. In the Mini App you choose one of the eligible offices; the dossier goes there once you consent.",
    },
    source: { title: SOURCES.hoTich, ref: "Điều 13" },
    service: "birth-registration",
  },
  {
    id: "birth-linked",
    topic: "birth",
    question: { vi: "Khai sinh xong có được làm luôn thường trú và thẻ BHYT cho bé không?", en: "Can I get the baby's permanent residence and health insurance card together with the birth registration?" },
    alternatives: {
      vi: ["lien thong khai sinh thuong tru bhyt", "Làm 1 lần được cả khai sinh, hộ khẩu, bảo hiểm cho con không?", "thẻ bảo hiểm y tế cho trẻ mới sinh", "dang ky thuong tru cho be moi sinh"],
      en: ["linked procedure birth residence insurance", "health insurance card for a newborn"],
    },
    answer: {
      vi: "Có. Theo quy định liên thông, đăng ký khai sinh được làm cùng đăng ký thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi trong một hồ sơ, nộp trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID. Thẻ BHYT của trẻ dưới 6 tuổi có giá trị đến khi trẻ đủ 72 tháng tuổi.",
      en: "Yes. Under the linked-procedure rules, birth registration is done together with permanent residence registration and the health insurance card for a child under 6 in one dossier, filed on the National Public Service Portal or the VNeID app. A child under 6's card is valid until the child turns 72 months old.",
    },
    source: { title: SOURCES.linked, ref: "Nhóm thủ tục khai sinh – thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi" },
    service: "birth-registration",
  },
  {
    id: "birth-certificate-hospital",
    topic: "birth",
    question: { vi: "Giấy chứng sinh là gì, khác giấy khai sinh thế nào?", en: "What is a hospital birth certificate and how is it different from the birth registration?" },
    alternatives: {
      vi: ["giay chung sinh va giay khai sinh khac nhau", "Bệnh viện cấp giấy chứng sinh điện tử để làm gì?", "mat giay chung sinh", "chung sinh dien tu"],
      en: ["birth certificate from the hospital", "difference between chứng sinh and khai sinh"],
    },
    answer: {
      vi: "Giấy chứng sinh do cơ sở y tế cấp khi trẻ ra đời, ghi các thông tin như người mẹ, thời gian và nơi sinh, giới tính, cân nặng của trẻ. Giấy khai sinh do UBND xã/phường cấp khi đăng ký khai sinh. Bệnh viện tham gia thí điểm gửi giấy chứng sinh điện tử, nên anh/chị không phải nộp bản giấy.",
      en: "The birth certificate (giấy chứng sinh) is issued by the health facility at the birth, with details such as the mother, the time and place of birth, and the baby's sex and weight. The birth registration certificate (giấy khai sinh) is issued by the commune or ward when the birth is registered. Pilot hospitals send the birth certificate electronically, so you do not need to hand in the paper copy.",
    },
    source: { title: "Thông tư 22/2025/TT-BYT (giấy chứng sinh; trước đây Thông tư 56/2017/TT-BYT); Luật Hộ tịch 60/2014/QH13", ref: "Mẫu giấy chứng sinh; Kế hoạch 920/KH-UBND, Phụ lục mục 58" },
    service: "birth-registration",
  },
  {
    id: "death-deadline",
    topic: "death",
    question: { vi: "Người nhà mất thì trong bao lâu phải đăng ký khai tử, có mất phí không?", en: "How soon must a death be registered, and is there a fee?" },
    alternatives: {
      vi: ["han dang ky khai tu", "Ông mất rồi, làm giấy chứng tử trong mấy ngày?", "ai đi khai tử cho người qua đời", "khai tu co mat tien khong"],
      en: ["death registration deadline", "who registers a death"],
    },
    answer: {
      vi: "Xin chia buồn cùng gia đình. Trong 15 ngày kể từ ngày mất, vợ hoặc chồng, con, cha, mẹ hoặc người thân thích khác đăng ký khai tử. Đăng ký khai tử đúng hạn được miễn lệ phí. Nơi đăng ký là UBND xã/phường nơi cư trú cuối cùng của người mất.",
      en: "Our condolences. Within 15 days of the death, the spouse, a child, a parent or another relative registers it. Death registration on time is free of charge. It is registered at the commune or ward People's Committee of the deceased's last residence.",
    },
    source: { title: SOURCES.hoTich, ref: "Điều 33 khoản 1; Điều 32; Điều 11" },
    service: "death-registration",
  },
  {
    id: "death-proactive",
    topic: "death",
    question: { vi: "Đăng ký khai tử chủ động hoạt động thế nào?", en: "How does proactive death registration work?" },
    alternatives: {
      vi: ["khai tu chu dong la sao", "Bệnh viện có báo tử, gia đình cần làm gì?", "hệ thống có tự làm khai tử không", "nhan tin nhan ve khai tu"],
      en: ["the hospital issued a death notice, what next", "automatic death registration"],
    },
    answer: {
      vi: "Khi cơ sở y tế hoặc cơ quan có thẩm quyền báo có người mất, hệ thống chỉ dùng thông tin này để báo và hỗ trợ thân nhân. Hồ sơ khai tử dự thảo chỉ được lập và nộp sau khi người có trách nhiệm kiểm tra, xác nhận và đồng ý; hệ thống không bao giờ tự nộp. Công chức UBND xã/phường kiểm tra, xử lý và cấp trích lục khai tử.",
      en: "When a health facility or authority reports a death, the system uses it only to inform and help the family. A draft death registration is prepared and filed only after the responsible relative checks, confirms and consents; it is never filed automatically. The commune or ward officer checks it and issues the death extract.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục IV.2; Kế hoạch 920/KH-UBND, Phụ lục mục 59 (thủ tục 1.000656)" },
    service: "death-registration",
  },
  {
    id: "death-linked",
    topic: "death",
    question: { vi: "Khai tử có làm luôn xóa thường trú và trợ cấp mai táng không?", en: "Is the death registration linked with removing the residence record and the funeral allowance?" },
    alternatives: {
      vi: ["lien thong khai tu mai tang phi", "Xóa hộ khẩu cho người đã mất thế nào?", "tiền mai táng phí nhận ở đâu", "xoa dang ky thuong tru nguoi chet"],
      en: ["funeral allowance", "remove the deceased's residence"],
    },
    answer: {
      vi: "Có. Theo quy định liên thông, đăng ký khai tử được làm cùng xóa đăng ký thường trú và giải quyết trợ cấp mai táng trong một hồ sơ, nộp trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID. Gia đình vẫn cần kiểm tra và đồng ý trước khi hồ sơ được nộp.",
      en: "Yes. Under the linked-procedure rules, death registration is done together with removing the permanent residence record and the funeral allowance in one dossier, filed on the National Public Service Portal or VNeID. The family still checks and consents before anything is filed.",
    },
    source: { title: SOURCES.linked, ref: "Nhóm thủ tục khai tử – xóa đăng ký thường trú – trợ cấp mai táng" },
    service: "death-registration",
  },
  {
    id: "death-notice",
    topic: "death",
    question: { vi: "Giấy báo tử ghi những gì?", en: "What does a death notice contain?" },
    alternatives: {
      vi: ["giay bao tu lay o dau", "Bệnh viện cấp giấy báo tử có những thông tin nào?", "nội dung giấy báo tử", "giay bao tu sai thong tin"],
      en: ["death notice details", "what is a giấy báo tử"],
    },
    answer: {
      vi: "Giấy báo tử do cơ sở y tế hoặc cơ quan có thẩm quyền cấp, ghi: họ tên, ngày sinh, giới tính, dân tộc, quốc tịch, nơi cư trú, số định danh cá nhân của người mất; thời gian, địa điểm và nguyên nhân mất. Nếu thông tin sai, gia đình báo nơi cấp giấy để sửa trước khi đăng ký khai tử.",
      en: "The death notice is issued by the health facility or authority and records the deceased's name, date of birth, sex, ethnicity, nationality, residence and personal ID number, and the time, place and cause of death. If something is wrong, the family asks the issuer to correct it before registering the death.",
    },
    source: { title: "Thông tư 24/2020/TT-BYT (giấy báo tử)", ref: "Mẫu giấy báo tử" },
    service: "death-registration",
  },
];
