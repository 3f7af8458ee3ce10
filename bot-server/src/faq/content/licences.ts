import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/**
 * Time-limited licences and certificates of businesses and practitioners: the reminder and the
 * renewal help of each service in the catalogue. Validity periods and lead times are stated only
 * where domain/facts.md or the plans give them.
 */
export const licenceEntries: FaqEntry[] = [
  {
    id: "licence-reminders",
    topic: "licence",
    question: { vi: "Doanh nghiệp được nhắc hạn giấy phép như thế nào?", en: "How are businesses reminded about expiring licences?" },
    alternatives: {
      vi: ["nhac han giay phep doanh nghiep", "Giấy phép kinh doanh có thời hạn có được báo trước khi hết hạn không?", "số hóa giấy phép có thời hạn để làm gì", "he thong tu tao ho so gia han"],
      en: ["licence expiry reminder for my company", "automatic renewal draft"],
    },
    answer: {
      vi: "Các sở, ngành đưa danh sách giấy phép có thời hạn vào kho dữ liệu dùng chung của tỉnh. Hệ thống rà soát định kỳ, nhắn nhắc tổ chức, cá nhân trước khi giấy phép hết hạn (qua Zalo, ZNS, SMS; một số dịch vụ qua tài khoản dịch vụ công, email), và với nhiều thủ tục còn tạo sẵn hồ sơ gia hạn để doanh nghiệp kiểm tra, bổ sung và xác nhận. Nhắn tên giấy phép để xem thời hạn cụ thể.",
      en: "Departments load their lists of time-limited licences into the province's shared data store. The system scans them regularly, reminds the holder before expiry (by Zalo, ZNS or SMS; for some services via the public service account or email), and for many procedures prepares a renewal draft that the business checks, completes and confirms. Type the licence's name for its specific deadlines.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 4 (số hóa giấy phép có thời hạn để chủ động gia hạn)" },
    service: "licence-digitisation",
  },
  {
    id: "food-safety-certificate",
    topic: "licence",
    question: { vi: "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm có thời hạn bao lâu, khi nào phải xin cấp lại?", en: "How long is a food safety certificate valid and when must I reapply?" },
    alternatives: {
      vi: ["giay attp het han bao lau", "Gia hạn giấy chứng nhận vệ sinh an toàn thực phẩm trước mấy tháng?", "cấp lại giấy an toàn thực phẩm cho quán ăn", "giay chung nhan du dieu kien an toan thuc pham"],
      en: ["food safety certificate renewal", "food hygiene certificate expiry"],
    },
    answer: {
      vi: "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm có hiệu lực 3 năm. Cơ sở phải nộp hồ sơ xin cấp lại trước khi hết hạn 6 tháng. Hệ thống nhắn nhắc trước ít nhất 6 tháng, tạo sẵn hồ sơ cấp lại để cơ sở xác nhận và hoàn tất. Giấy do Sở Công Thương, Sở Nông nghiệp và Môi trường hoặc Sở Y tế cấp tùy lĩnh vực.",
      en: "A food safety certificate is valid for 3 years. The business must apply for a new one 6 months before it expires. The system reminds you at least 6 months ahead and prepares the application for you to confirm and complete. The certificate is issued by the Department of Industry and Trade, of Agriculture and Environment, or of Health depending on the sector.",
    },
    source: { title: "Luật An toàn thực phẩm 55/2010/QH12; " + SOURCES.pilotList, ref: "Điều 37; Danh mục mục III.1–III.2; Kế hoạch 920/KH-UBND, Phụ lục mục 32, 38" },
    service: "food-safety-certificate",
  },
  {
    id: "food-safety-sector",
    topic: "licence",
    question: { vi: "Cơ sở của tôi xin giấy an toàn thực phẩm ở sở nào?", en: "Which department issues my food safety certificate?" },
    alternatives: {
      vi: ["attp so cong thuong hay so y te", "Quán cà phê xin giấy an toàn thực phẩm ở đâu?", "giấy attp lĩnh vực nông nghiệp", "co so san xuat thuc pham xin giay o dau"],
      en: ["which agency food safety", "food safety certificate health department"],
    },
    answer: {
      vi: "Tùy lĩnh vực sản xuất, kinh doanh: Sở Công Thương, Sở Nông nghiệp và Môi trường hoặc Sở Y tế (lĩnh vực y tế). Cả ba sở đều nhắc hạn giấy chứng nhận trên kênh này. Nếu chưa rõ cơ sở mình thuộc sở nào, anh/chị nhắn “gặp cán bộ” hoặc gọi tổng đài 1022.",
      en: "It depends on the sector: the Department of Industry and Trade, the Department of Agriculture and Environment, or the Department of Health. All three send certificate expiry reminders through this channel. If you are unsure which applies to you, type “gặp cán bộ” or call the 1022 hotline.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 32 (Nông nghiệp), 38 (Y tế); Danh mục mục III.1–III.2 (Công Thương)" },
    service: "food-safety-certificate",
  },
  {
    id: "petrol-retail",
    topic: "licence",
    question: { vi: "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu có thời hạn bao lâu, khi nào phải nộp hồ sơ cấp lại?", en: "How long is a petrol retail shop certificate valid and when must I file for renewal?" },
    alternatives: {
      vi: ["cay xang het han giay chung nhan", "Cấp lại giấy chứng nhận cửa hàng xăng dầu trước bao nhiêu ngày?", "gia han giay phep ban le xang dau", "cua hang xang dau nhan tin nhac han"],
      en: ["petrol station licence renewal", "fuel retail certificate"],
    },
    answer: {
      vi: "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu có thời hạn 5 năm. Hệ thống nhắn nhắc ít nhất 60 ngày trước khi hết hạn; thương nhân cần nộp hồ sơ cấp lại chậm nhất 30 ngày trước ngày hết hạn. Hồ sơ được tạo sẵn từ dữ liệu đã có để thương nhân xác nhận, bổ sung và hoàn tất (thủ tục 2.000648, 2.000647).",
      en: "A petrol retail shop certificate is valid for 5 years. The system reminds you at least 60 days before it expires; the trader must file for a new one at least 30 days before the expiry date. The dossier is prefilled from existing data for the trader to confirm, complete and submit (procedures 2.000648, 2.000647).",
    },
    source: { title: "Nghị định 83/2014/NĐ-CP (sửa đổi, bổ sung); " + SOURCES.pilotList, ref: "Danh mục mục III.3; Kế hoạch 920/KH-UBND, Phụ lục mục 11–12" },
    service: "petrol-retail-certificate",
  },
  {
    id: "petrol-retail-amend",
    topic: "licence",
    question: { vi: "Sửa đổi, bổ sung giấy chứng nhận cửa hàng bán lẻ xăng dầu làm thế nào?", en: "How do I amend a petrol retail shop certificate?" },
    alternatives: {
      vi: ["sua doi giay chung nhan cua hang xang dau", "Đổi tên cửa hàng xăng thì phải điều chỉnh giấy chứng nhận", "bổ sung thông tin giấy phép bán lẻ xăng dầu", "cay xang thay doi chu so huu"],
      en: ["change details on petrol shop certificate", "amend fuel retail licence"],
    },
    answer: {
      vi: "Thủ tục cấp sửa đổi, bổ sung giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu do Sở Công Thương giải quyết. Hệ thống tạo sẵn hồ sơ từ dữ liệu hiện có; thương nhân kiểm tra, bổ sung phần thay đổi và nộp trực tuyến. Nếu giấy sắp hết hạn, hệ thống cũng nhắc trước ít nhất 60 ngày và đề nghị nộp chậm nhất 30 ngày trước hạn.",
      en: "Amendments to a petrol retail shop certificate are handled by the Department of Industry and Trade. The system prepares the dossier from existing data; the trader checks it, adds what changed and files online. If the certificate is also close to expiry, you are reminded at least 60 days ahead and asked to file at least 30 days before.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục III.4 (Cấp sửa đổi, bổ sung Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu)" },
    service: "petrol-retail-certificate",
  },
  {
    id: "tour-guide-card",
    topic: "licence",
    question: { vi: "Thẻ hướng dẫn viên du lịch hết hạn thì cấp đổi thế nào?", en: "How do I renew a tour guide card?" },
    alternatives: {
      vi: ["gia han the huong dan vien du lich", "Thẻ HDV nội địa có thời hạn mấy năm?", "cấp đổi thẻ hướng dẫn viên quốc tế", "the hdv sap het han"],
      en: ["tour guide card expiry", "renew international tour guide licence"],
    },
    answer: {
      vi: "Thẻ hướng dẫn viên du lịch (quốc tế, nội địa) có thời hạn 5 năm. Hệ thống nhắn nhắc ít nhất 10 ngày trước khi thẻ hết hạn và tự tạo hồ sơ cấp đổi để anh/chị xác nhận, hoàn tất; Sở Văn hóa, Thể thao và Du lịch giải quyết (thủ tục 1.004614). Anh/chị nên làm thủ tục trước hạn tối thiểu 10 ngày.",
      en: "A tour guide card (international or domestic) is valid for 5 years. The system reminds you at least 10 days before it expires and creates the renewal dossier for you to confirm and complete; the Department of Culture, Sports and Tourism handles it (procedure 1.004614). Apply at least 10 days before expiry.",
    },
    source: { title: "Luật Du lịch 09/2017/QH14; " + SOURCES.pilotList, ref: "Điều 58; Danh mục mục II.1; Kế hoạch 920/KH-UBND, Phụ lục mục 9–10" },
    service: "tour-guide-card",
  },
  {
    id: "accommodation-rating",
    topic: "licence",
    question: { vi: "Công nhận lại hạng khách sạn 1–3 sao khi hết hạn làm thế nào?", en: "How is a 1–3 star hotel rating renewed?" },
    alternatives: {
      vi: ["gia han hang sao khach san", "Quyết định công nhận hạng cơ sở lưu trú du lịch sắp hết hạn", "khách sạn 3 sao nhắc trước bao nhiêu ngày", "cong nhan hang biet thu du lich can ho du lich"],
      en: ["hotel star rating expiry", "tourist accommodation classification renewal"],
    },
    answer: {
      vi: "Với khách sạn, biệt thự du lịch, căn hộ du lịch, tàu thủy lưu trú du lịch hạng 1–3 sao, hệ thống nhắn nhắc ít nhất 45 ngày trước khi quyết định công nhận hạng hết hạn và tự tạo hồ sơ đề nghị công nhận lại để cơ sở xác nhận. Sở Văn hóa, Thể thao và Du lịch giải quyết (thủ tục 1.004594).",
      en: "For 1–3 star hotels, tourist villas, tourist apartments and tourist accommodation boats, the system reminds you at least 45 days before the rating decision expires and creates the re-rating application for you to confirm. The Department of Culture, Sports and Tourism handles it (procedure 1.004594).",
    },
    source: { title: SOURCES.pilotList, ref: "Mục II.2; Kế hoạch 920/KH-UBND, Phụ lục mục 49–50" },
    service: "accommodation-rating",
  },
  {
    id: "tourism-service-standard",
    topic: "licence",
    question: { vi: "Quyết định công nhận cơ sở dịch vụ đạt tiêu chuẩn phục vụ khách du lịch sắp hết hạn thì sao?", en: "What if my business's tourist-service standard recognition is about to expire?" },
    alternatives: {
      vi: ["nha hang dat chuan phuc vu khach du lich", "Cơ sở mua sắm, ăn uống đạt chuẩn du lịch gia hạn thế nào?", "khu vui chơi giải trí đạt tiêu chuẩn phục vụ du khách", "co so the thao cham soc suc khoe dat chuan du lich"],
      en: ["tourist standard restaurant recognition", "shopping venue meets tourist standards"],
    },
    answer: {
      vi: "Với cơ sở kinh doanh dịch vụ thể thao; vui chơi, giải trí; chăm sóc sức khỏe; mua sắm; ăn uống đã được công nhận đạt tiêu chuẩn phục vụ khách du lịch, hệ thống rà soát quyết định có thời hạn, nhắc doanh nghiệp trước khi hết hạn và chuẩn bị hướng dẫn, biểu mẫu điện tử để gia hạn, cấp lại trực tuyến (thủ tục 1.004551, 1.004503, 1.001455, 1.004580, 1.004572).",
      en: "For sports, entertainment, wellness, shopping and dining businesses recognised as meeting tourist-service standards, the system tracks the time-limited decisions, reminds the business before expiry, and provides guidance and e-forms to renew or reissue online (procedures 1.004551, 1.004503, 1.001455, 1.004580, 1.004572).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 39–40" },
    service: "tourism-service-standard",
  },
  {
    id: "tourist-vehicle-sign",
    topic: "licence",
    question: { vi: "Biển hiệu xe vận tải khách du lịch hết hạn thì cấp lại thế nào?", en: "How do I renew the sign for a tourist transport vehicle?" },
    alternatives: {
      vi: ["bien hieu xe du lich het han", "Xe chở khách du lịch được nhắc hạn biển hiệu không?", "cấp lại biển hiệu phương tiện vận tải khách du lịch", "bien hieu xe khach du lich"],
      en: ["tourist vehicle sign renewal", "tour bus badge"],
    },
    answer: {
      vi: "Sở Xây dựng khai thác dữ liệu biển hiệu phương tiện vận tải khách du lịch có thời hạn, tự động nhắn nhắc trước khi hết hạn, rồi gợi ý đúng loại thủ tục kèm hướng dẫn và biểu mẫu điện tử để doanh nghiệp làm trực tuyến (thủ tục 1.014192).",
      en: "The Department of Construction tracks time-limited signs for tourist transport vehicles, reminds the operator before expiry, then suggests the right procedure with guidance and e-forms so the business can apply online (procedure 1.014192).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 7–8 (thủ tục 1.014192)" },
    service: "tourist-vehicle-sign",
  },
  {
    id: "transport-badge",
    topic: "licence",
    question: { vi: "Phù hiệu xe ô tô kinh doanh vận tải sắp hết hạn thì làm sao?", en: "What do I do when my commercial vehicle badge is about to expire?" },
    alternatives: {
      vi: ["gia han phu hieu xe tai", "Cấp lại phù hiệu xe taxi, xe khách", "phù hiệu xe container hết hạn", "phu hieu xe kinh doanh van tai"],
      en: ["transport badge renewal", "commercial vehicle badge"],
    },
    answer: {
      vi: "Sở Xây dựng rà quét định kỳ dữ liệu phù hiệu xe ô tô, xe bốn bánh có gắn động cơ kinh doanh vận tải, nhắc tổ chức, cá nhân khi phù hiệu sắp hết hạn và cung cấp hướng dẫn, biểu mẫu điện tử để cấp, cấp lại trực tuyến (thủ tục 2.002288).",
      en: "The Department of Construction regularly scans its data on badges for commercial cars and four-wheel motor vehicles, reminds operators when a badge is about to expire, and provides guidance and e-forms to issue or reissue it online (procedure 2.002288).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 22–23 (thủ tục 2.002288)" },
    service: "transport-badge",
  },
  {
    id: "training-vehicle",
    topic: "licence",
    question: { vi: "Giấy phép xe tập lái sắp hết hạn, cấp lại thế nào?", en: "How do I renew a driving-school training vehicle permit?" },
    alternatives: {
      vi: ["gia han giay phep xe tap lai", "Trung tâm đào tạo lái xe cấp bổ sung xe tập lái", "xe tập lái hết hạn giấy phép", "cap lai giay phep xe tap lai"],
      en: ["training car permit", "driving school vehicle licence"],
    },
    answer: {
      vi: "Sở Xây dựng rà soát dữ liệu giấy phép xe tập lái có thời hạn, tự động nhắc trước khi hết hạn và cung cấp hướng dẫn, biểu mẫu điện tử để cơ sở đào tạo lái xe cấp bổ sung xe tập lái hoặc cấp lại giấy phép trực tuyến (thủ tục 1.001751).",
      en: "The Department of Construction tracks time-limited training vehicle permits, reminds the driving school before expiry, and provides guidance and e-forms to add training vehicles or reissue the permit online (procedure 1.001751).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 24–25 (thủ tục 1.001751)" },
    service: "training-vehicle",
  },
  {
    id: "radio-frequency",
    topic: "licence",
    question: { vi: "Gia hạn giấy phép sử dụng tần số và thiết bị vô tuyến điện cho mạng nội bộ thế nào?", en: "How do I renew a radio frequency licence for an internal network?" },
    alternatives: {
      vi: ["gia han giay phep tan so", "Giấy phép bộ đàm nội bộ sắp hết hạn", "thiết bị vô tuyến điện mạng nội bộ", "tan so vo tuyen dien nhac truoc bao lau"],
      en: ["radio licence renewal", "walkie-talkie frequency licence"],
    },
    answer: {
      vi: "Với giấy phép sử dụng tần số và thiết bị vô tuyến điện đối với mạng thông tin vô tuyến điện nội bộ, hệ thống nhắn nhắc ít nhất 45 ngày trước khi hết hạn, đề nghị làm thủ tục gia hạn trước ngày hết hạn 30 ngày, và tự tạo hồ sơ gia hạn để tổ chức, cá nhân xác nhận. Sở Khoa học và Công nghệ giải quyết.",
      en: "For radio frequency and equipment licences of internal radio networks, the system reminds you at least 45 days before expiry, asks you to renew 30 days before the expiry date, and creates the renewal dossier for you to confirm. The Department of Science and Technology handles it.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục V.1" },
    service: "radio-frequency-licence",
  },
  {
    id: "radiation-licence",
    topic: "licence",
    question: { vi: "Gia hạn giấy phép tiến hành công việc bức xạ (X-quang) trước bao lâu?", en: "How early must a radiation work licence (X-ray) be renewed?" },
    alternatives: {
      vi: ["gia han giay phep x quang", "Giấy phép bức xạ phòng khám sắp hết hạn", "giấy phép PET/CT, SPECT hết hạn", "thiet bi phat tia x giay phep"],
      en: ["X-ray licence renewal", "radiation licence expiry"],
    },
    answer: {
      vi: "Với giấy phép tiến hành công việc bức xạ (X-quang chẩn đoán y tế, PET/CT, SPECT, thiết bị phát tia X), hệ thống nhắn nhắc ít nhất 60 ngày trước khi hết hạn và đề nghị nộp hồ sơ gia hạn ít nhất 45 ngày trước ngày hết hạn (giấy phép 6 hoặc 12 tháng: ít nhất 15 ngày). Hồ sơ gia hạn được tạo sẵn để cơ sở xác nhận.",
      en: "For radiation work licences (diagnostic X-ray, PET/CT, SPECT, X-ray generators), the system reminds you at least 60 days before expiry and asks you to file the renewal at least 45 days before (for 6- or 12-month licences, at least 15 days). The renewal dossier is prepared for you to confirm.",
    },
    source: { title: "Nghị định 142/2020/NĐ-CP; " + SOURCES.pilotList, ref: "Điều 30; Danh mục mục V.2; Kế hoạch 920/KH-UBND, Phụ lục mục 52" },
    service: "radiation-licence",
  },
  {
    id: "radiation-worker-certificate",
    topic: "licence",
    question: { vi: "Chứng chỉ nhân viên bức xạ sắp hết hạn có được nhắc không?", en: "Will I be reminded when my radiation worker certificate expires?" },
    alternatives: {
      vi: ["chung chi nhan vien buc xa het han", "Kỹ thuật viên X-quang gia hạn chứng chỉ", "nhac han chung chi buc xa", "chứng chỉ an toàn bức xạ của nhân viên"],
      en: ["radiation worker certificate", "radiographer certificate expiry"],
    },
    answer: {
      vi: "Có. Sở Khoa học và Công nghệ rà quét dữ liệu chứng chỉ nhân viên bức xạ có thời hạn và gửi thông báo nhắc cho cá nhân trước khi chứng chỉ hết hạn, để anh/chị chủ động làm thủ tục cấp lại.",
      en: "Yes. The Department of Science and Technology scans its data on time-limited radiation worker certificates and reminds the holder before expiry, so you can apply for a new one in time.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 53" },
    service: "radiation-worker-certificate",
  },
  {
    id: "iso-consulting",
    topic: "licence",
    question: { vi: "Cấp lại giấy xác nhận đủ điều kiện tư vấn ISO 9001 khi nào?", en: "When must an ISO 9001 consulting certificate be reissued?" },
    alternatives: {
      vi: ["giay xac nhan tu van iso 9001 het han", "Tổ chức tư vấn TCVN ISO 9001 cho cơ quan nhà nước", "gia han tu van he thong quan ly chat luong", "iso 9001 nhac han"],
      en: ["ISO 9001 consultant certificate", "quality management consulting licence"],
    },
    answer: {
      vi: "Với giấy xác nhận đủ điều kiện tư vấn hệ thống quản lý chất lượng TCVN ISO 9001 cho cơ quan hành chính nhà nước, hệ thống nhắn nhắc ít nhất 60 ngày trước khi hết hạn và đề nghị tổ chức làm thủ tục cấp lại trước ngày hết hạn 30 ngày, kèm hồ sơ tạo sẵn để xác nhận. Sở Khoa học và Công nghệ giải quyết.",
      en: "For certificates allowing an organisation to consult on TCVN ISO 9001 quality management for state agencies, the system reminds you at least 60 days before expiry and asks you to reapply 30 days before, with a prepared dossier to confirm. The Department of Science and Technology handles it.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục V.3" },
    service: "iso-9001-consulting",
  },
  {
    id: "vet-practice",
    topic: "licence",
    question: { vi: "Gia hạn chứng chỉ hành nghề thú y như thế nào?", en: "How do I renew a veterinary practice certificate?" },
    alternatives: {
      vi: ["chung chi hanh nghe thu y het han", "Bác sĩ thú y gia hạn chứng chỉ cần giấy khám sức khỏe không?", "giấy chứng nhận đủ điều kiện hành nghề thú y", "phong kham thu y gia han"],
      en: ["vet licence renewal", "veterinary practising certificate"],
    },
    answer: {
      vi: "Chứng chỉ hành nghề thú y có thời hạn 5 năm. Trong 30 ngày trước khi hết hạn, hệ thống gửi thông báo (SMS, VNeID, Cổng Dịch vụ công) và tạo sẵn hồ sơ gia hạn điền trước thông tin; anh/chị kiểm tra, đính kèm giấy khám sức khỏe rồi nộp trực tuyến. Kết quả trả trực tiếp hoặc qua bưu chính công ích.",
      en: "A veterinary practice certificate is valid for 5 years. Within the 30 days before it expires, the system notifies you (SMS, VNeID, Public Service Portal) and creates a prefilled renewal dossier; you check it, attach a health certificate and submit online. The result is handed over in person or by public postal service.",
    },
    source: { title: "Luật Thú y 79/2015/QH13; " + SOURCES.pilotList, ref: "Điều 109; Danh mục mục VI.2; Kế hoạch 920/KH-UBND, Phụ lục mục 28–29, 33–34" },
    service: "vet-practice-certificate",
  },
  {
    id: "vet-drug-trade",
    topic: "licence",
    question: { vi: "Gia hạn giấy chứng nhận đủ điều kiện buôn bán thuốc thú y thế nào?", en: "How do I renew a veterinary drug trading certificate?" },
    alternatives: {
      vi: ["gia han giay buon ban thuoc thu y", "Cửa hàng thuốc thú y sắp hết hạn giấy chứng nhận", "đại lý thuốc thú y gia hạn", "thuoc thu y giay chung nhan du dieu kien"],
      en: ["vet drug shop certificate", "veterinary medicine retail licence"],
    },
    answer: {
      vi: "Trong 30 ngày trước khi giấy chứng nhận đủ điều kiện buôn bán thuốc thú y hết hạn, hệ thống gửi thông báo (SMS, VNeID, Cổng Dịch vụ công) và tạo sẵn hồ sơ gia hạn điền trước thông tin; cơ sở chỉ cần kiểm tra, xác nhận và nộp trực tuyến. Sở Nông nghiệp và Môi trường giải quyết; kết quả trả trực tiếp hoặc qua bưu chính công ích.",
      en: "Within the 30 days before a veterinary drug trading certificate expires, the system notifies you (SMS, VNeID, Public Service Portal) and creates a prefilled renewal dossier; you only check, confirm and submit online. The Department of Agriculture and Environment handles it; the result comes in person or by public postal service.",
    },
    source: { title: SOURCES.pilotList, ref: "Mục VI.3" },
    service: "vet-drug-trade",
  },
  {
    id: "animal-feed",
    topic: "licence",
    question: { vi: "Giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi sắp hết hạn thì sao?", en: "What if my animal feed production certificate is about to expire?" },
    alternatives: {
      vi: ["gia han giay san xuat thuc an chan nuoi", "Nhà máy cám gia súc gia hạn giấy chứng nhận", "kinh doanh thức ăn chăn nuôi nhắc hạn", "thuc an chan nuoi giay chung nhan"],
      en: ["animal feed certificate", "livestock feed factory licence"],
    },
    answer: {
      vi: "Sở Nông nghiệp và Môi trường khai thác dữ liệu giấy chứng nhận đủ điều kiện sản xuất, kinh doanh thức ăn chăn nuôi có thời hạn, nhắc tổ chức, cá nhân trước khi hết hạn và chuẩn bị thông tin, biểu mẫu điện tử để gia hạn, cấp lại trực tuyến (thủ tục 1.008127).",
      en: "The Department of Agriculture and Environment tracks time-limited certificates for producing and trading animal feed, reminds holders before expiry, and prepares information and e-forms to renew or reissue online (procedure 1.008127).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 30–31 (thủ tục 1.008127)" },
    service: "animal-feed",
  },
  {
    id: "pesticide",
    topic: "licence",
    question: { vi: "Giấy chứng nhận đủ điều kiện sản xuất, buôn bán thuốc bảo vệ thực vật có thời hạn bao lâu?", en: "How long is a pesticide production or trading certificate valid?" },
    alternatives: {
      vi: ["giay phep ban thuoc tru sau", "Đại lý thuốc BVTV sắp hết hạn giấy chứng nhận", "cửa hàng thuốc bảo vệ thực vật gia hạn", "thuoc bvtv giay chung nhan 5 nam"],
      en: ["pesticide shop licence", "plant protection products certificate"],
    },
    answer: {
      vi: "Giấy chứng nhận đủ điều kiện sản xuất thuốc bảo vệ thực vật (thủ tục 2.001427) và giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật (thủ tục 1.004363) có thời hạn 5 năm. Hệ thống nhắn nhắc cơ sở sản xuất, kinh doanh trước khi giấy hết hạn để kịp làm thủ tục cấp lại.",
      en: "Certificates for producing plant protection products (procedure 2.001427) and for trading them (procedure 1.004363) are valid for 5 years. The system reminds producers and shops before the certificate expires so they can apply for a new one in time.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 35–36" },
    service: "pesticide-certificate",
  },
  {
    id: "fertilizer",
    topic: "licence",
    question: { vi: "Giấy chứng nhận đủ điều kiện sản xuất phân bón có thời hạn bao lâu?", en: "How long is a fertiliser production certificate valid?" },
    alternatives: {
      vi: ["giay phep san xuat phan bon het han", "Nhà máy phân bón được nhắc gia hạn không?", "sản xuất phân bón hữu cơ giấy chứng nhận", "phan bon giay chung nhan du dieu kien"],
      en: ["fertiliser factory licence", "fertilizer production permit"],
    },
    answer: {
      vi: "Giấy chứng nhận đủ điều kiện sản xuất phân bón có thời hạn 5 năm (thủ tục 1.007927). Hệ thống nhắn nhắc cơ sở sản xuất trước khi giấy hết hạn để kịp làm thủ tục cấp lại với Sở Nông nghiệp và Môi trường.",
      en: "A fertiliser production certificate is valid for 5 years (procedure 1.007927). The system reminds the producer before it expires so they can apply for a new one with the Department of Agriculture and Environment in time.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 37" },
    service: "fertilizer-certificate",
  },
  {
    id: "employment-service",
    topic: "licence",
    question: { vi: "Giấy phép hoạt động dịch vụ việc làm sắp hết hạn thì làm gì?", en: "What do I do when an employment service licence is about to expire?" },
    alternatives: {
      vi: ["gia han giay phep dich vu viec lam", "Công ty giới thiệu việc làm cấp lại giấy phép", "trung tâm môi giới việc làm hết hạn giấy phép", "giay phep dich vu viec lam"],
      en: ["recruitment agency licence", "employment service permit renewal"],
    },
    answer: {
      vi: "Sở Nội vụ rà quét dữ liệu giấy phép hoạt động dịch vụ việc làm có thời hạn, nhắc doanh nghiệp trước khi hết hạn và cung cấp hướng dẫn, biểu mẫu điện tử để gia hạn, cấp lại trực tuyến đúng quy định (thủ tục 2.002826, 2.002825).",
      en: "The Department of Home Affairs tracks time-limited employment service licences, reminds the business before expiry, and provides guidance and e-forms to renew or reissue online (procedures 2.002826, 2.002825).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 16–17" },
    service: "employment-service-licence",
  },
  {
    id: "foreign-work-permit",
    topic: "licence",
    question: { vi: "Gia hạn giấy phép lao động cho người nước ngoài thế nào?", en: "How do I extend a work permit for a foreign employee?" },
    alternatives: {
      vi: ["gia han giay phep lao dong nguoi nuoc ngoai", "Chuyên gia nước ngoài sắp hết hạn work permit", "giấy phép lao động hết hạn bị phạt không", "work permit cho nhan vien nuoc ngoai"],
      en: ["foreign worker permit renewal", "work permit expiry"],
    },
    answer: {
      vi: "Sở Nội vụ khai thác dữ liệu giấy phép lao động của người nước ngoài có thời hạn, nhắn nhắc trước khi hết hạn để doanh nghiệp tránh vi phạm do quá hạn, và cung cấp hướng dẫn chi tiết, biểu mẫu điện tử để gia hạn trực tuyến (thủ tục 1.014200, 1.014201).",
      en: "The Department of Home Affairs tracks foreign workers' time-limited work permits, reminds the employer before expiry to avoid violations, and provides detailed guidance and e-forms to extend them online (procedures 1.014200, 1.014201).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 18–19" },
    service: "foreign-work-permit",
  },
  {
    id: "labour-subleasing",
    topic: "licence",
    question: { vi: "Giấy phép hoạt động cho thuê lại lao động hết hạn thì gia hạn thế nào?", en: "How do I renew a labour sub-leasing licence?" },
    alternatives: {
      vi: ["gia han giay phep cho thue lai lao dong", "Công ty cung ứng lao động thuê lại cấp lại giấy phép", "cho thuê lại lao động nhắc hạn", "giay phep thue lai lao dong"],
      en: ["labour outsourcing licence", "staff leasing permit"],
    },
    answer: {
      vi: "Sở Nội vụ rà quét dữ liệu giấy phép cho thuê lại lao động có thời hạn, nhắc doanh nghiệp trước khi hết hạn, đồng thời chuẩn bị hướng dẫn, biểu mẫu điện tử để gia hạn, cấp lại trực tuyến (thủ tục 1.000448, 1.000464).",
      en: "The Department of Home Affairs tracks time-limited labour sub-leasing licences, reminds the business before expiry, and prepares guidance and e-forms to renew or reissue online (procedures 1.000448, 1.000464).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 20–21" },
    service: "labour-subleasing-licence",
  },
  {
    id: "security-service",
    topic: "licence",
    question: { vi: "Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ sắp hết hạn thì làm sao?", en: "What if my security services business certificate is about to expire?" },
    alternatives: {
      vi: ["cong ty bao ve gia han giay chung nhan", "Dịch vụ bảo vệ có được nhắc hạn không?", "cấp lại giấy đủ điều kiện kinh doanh bảo vệ", "giay chung nhan an ninh trat tu dich vu bao ve"],
      en: ["security company certificate", "guard services licence"],
    },
    answer: {
      vi: "Công an tỉnh rà quét dữ liệu giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ có thời hạn, nhắc doanh nghiệp trước khi hết hạn và cung cấp hướng dẫn, biểu mẫu điện tử để gia hạn, cấp lại trực tuyến theo quy định.",
      en: "The provincial police track time-limited certificates for security service businesses, remind the company before expiry, and provide guidance and e-forms to renew or reissue online.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 26–27, 41–42" },
    service: "security-service-certificate",
  },
  {
    id: "relic-practice-certificate",
    topic: "licence",
    question: { vi: "Chứng chỉ hành nghề bảo quản, tu bổ, phục hồi di tích sắp hết hạn thì cấp lại thế nào?", en: "How do I renew a practice certificate for conserving and restoring relics?" },
    alternatives: {
      vi: ["chung chi tu bo di tich het han", "Kiến trúc sư trùng tu di tích cấp lại chứng chỉ", "chứng chỉ phục hồi di tích cá nhân", "cap lai chung chi hanh nghe di tich"],
      en: ["heritage restoration certificate", "relic conservation practitioner"],
    },
    answer: {
      vi: "Sở Văn hóa, Thể thao và Du lịch rà quét định kỳ dữ liệu chứng chỉ hành nghề bảo quản, tu bổ, phục hồi di tích, nhắc cá nhân hành nghề khi sắp hết hạn và chuẩn bị sẵn hướng dẫn, biểu mẫu điện tử để cấp lại trực tuyến (thủ tục 1.002003).",
      en: "The Department of Culture, Sports and Tourism regularly scans practice certificates for conserving and restoring relics, reminds the practitioner before expiry, and prepares guidance and e-forms to reissue online (procedure 1.002003).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 43–44" },
    service: "relic-practice-certificate",
  },
  {
    id: "relic-business-certificate",
    topic: "licence",
    question: { vi: "Doanh nghiệp tu bổ di tích gia hạn giấy chứng nhận đủ điều kiện hành nghề thế nào?", en: "How does a relic restoration company renew its certificate of eligibility?" },
    alternatives: {
      vi: ["cong ty tu bo di tich giay chung nhan", "Giấy chứng nhận đủ điều kiện hành nghề bảo quản di tích của doanh nghiệp", "doanh nghiệp trùng tu đình chùa hết hạn giấy", "to chuc phuc hoi di tich cap lai"],
      en: ["heritage restoration company licence", "relic restoration firm certificate"],
    },
    answer: {
      vi: "Với giấy chứng nhận đủ điều kiện hành nghề bảo quản, tu bổ, phục hồi di tích của doanh nghiệp, hệ thống nhắc trước khi hết hạn và chuẩn bị hướng dẫn, biểu mẫu điện tử để doanh nghiệp làm thủ tục cấp lại trực tuyến với Sở Văn hóa, Thể thao và Du lịch (thủ tục 2.001641).",
      en: "For a company's certificate of eligibility to conserve and restore relics, the system reminds the company before expiry and prepares guidance and e-forms to apply online for a new one with the Department of Culture, Sports and Tourism (procedure 2.001641).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 45–46" },
    service: "relic-business-certificate",
  },
  {
    id: "news-website-licence",
    topic: "licence",
    question: { vi: "Gia hạn giấy phép thiết lập trang thông tin điện tử tổng hợp thế nào?", en: "How do I renew a general news website licence?" },
    alternatives: {
      vi: ["gia han giay phep trang tin dien tu", "Website tin tức tổng hợp sắp hết hạn giấy phép", "trang thông tin điện tử tổng hợp địa phương", "giay phep website tong hop"],
      en: ["news website licence", "aggregated news site permit"],
    },
    answer: {
      vi: "Hệ thống rà soát giấy phép thiết lập trang thông tin điện tử tổng hợp (địa phương) có thời hạn, nhắc doanh nghiệp trước khi hết hạn và cung cấp hướng dẫn, biểu mẫu điện tử để gia hạn trực tuyến (thủ tục 2.001091).",
      en: "The system tracks time-limited licences for general news websites (local), reminds the company before expiry, and provides guidance and e-forms to renew online (procedure 2.001091).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 47–48" },
    service: "news-website-licence",
  },
  {
    id: "conformity-declaration",
    topic: "licence",
    question: { vi: "Thông báo tiếp nhận công bố hợp quy sắp hết hiệu lực thì sao?", en: "What happens when my conformity declaration acknowledgement is about to expire?" },
    alternatives: {
      vi: ["cong bo hop quy het han", "Nhắc hạn thông báo tiếp nhận hồ sơ công bố hợp quy", "sản phẩm công bố hợp quy hết hiệu lực", "hop quy nhac qua email"],
      en: ["conformity declaration expiry", "technical regulation compliance notice"],
    },
    answer: {
      vi: "Sở Khoa học và Công nghệ rà quét định kỳ các thông báo tiếp nhận công bố hợp quy còn thời hạn, phát hiện trường hợp sắp hết hạn và nhắn nhắc tổ chức, cá nhân qua SMS, tài khoản dịch vụ công và email để kịp công bố lại (thủ tục 2.001277).",
      en: "The Department of Science and Technology regularly scans acknowledgements of conformity declarations, finds those about to expire and reminds the organisation or person by SMS, public service account and email so they can declare again in time (procedure 2.001277).",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 51" },
    service: "conformity-declaration",
  },
  {
    id: "telecom-licence",
    topic: "licence",
    question: { vi: "Giấy phép cung cấp dịch vụ viễn thông sắp hết hạn có được nhắc không?", en: "Will I be reminded when my telecoms service licence is about to expire?" },
    alternatives: {
      vi: ["giay phep vien thong het han", "Giấy phép viễn thông có hạ tầng mạng phạm vi tỉnh", "dịch vụ viễn thông không có hạ tầng mạng gia hạn", "nha mang nho gia han giay phep"],
      en: ["telecom licence renewal", "network infrastructure licence"],
    },
    answer: {
      vi: "Có. Hệ thống rà quét giấy phép cung cấp dịch vụ viễn thông có hạ tầng mạng (phạm vi cấp tỉnh, thủ tục 1.013905) và không có hạ tầng mạng, rồi nhắn nhắc doanh nghiệp trước khi giấy phép hết hạn. Sở Khoa học và Công nghệ phụ trách.",
      en: "Yes. The system scans licences for telecoms services with network infrastructure (provincial scope, procedure 1.013905) and without infrastructure, and reminds the company before the licence expires. The Department of Science and Technology is in charge.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 54–55" },
    service: "telecom-licence",
  },
  {
    id: "mobile-content",
    topic: "licence",
    question: { vi: "Giấy chứng nhận đăng ký kết nối dịch vụ nội dung trên mạng di động sắp hết hạn thì làm sao?", en: "What if my mobile content service connection certificate is about to expire?" },
    alternatives: {
      vi: ["dich vu noi dung tren mang di dong", "Đầu số tin nhắn nội dung gia hạn giấy chứng nhận", "kết nối cung cấp dịch vụ nội dung thông tin di động", "gia han giay chung nhan noi dung so"],
      en: ["mobile content provider certificate", "SMS content service registration"],
    },
    answer: {
      vi: "Hệ thống rà quét giấy chứng nhận đăng ký kết nối để cung cấp dịch vụ nội dung thông tin trên mạng viễn thông di động, nhắn nhắc doanh nghiệp trước khi hết hạn và hướng dẫn thủ tục gia hạn theo quy định. Sở Khoa học và Công nghệ phụ trách.",
      en: "The system scans certificates of connection registration for providing information content on mobile networks, reminds the company before expiry and explains the renewal procedure. The Department of Science and Technology is in charge.",
    },
    source: { title: SOURCES.plan920, ref: "Phụ lục, mục 56–57" },
    service: "mobile-content-certificate",
  },
];
