/**
 * The OA chatbot's replies. Chat register: "anh/chị". Short lines for a phone screen; links travel
 * as buttons. Office hours and the hotline 1022 come from the province's plans (seeds).
 */
export const bot = {
  welcome:
    "Chào mừng anh/chị đến với kênh Dịch vụ công chủ động của tỉnh Tây Ninh. Tại đây anh/chị có thể hỏi về thủ tục hành chính, nhận nhắc việc (khai sinh, tiêm chủng, hết hạn giấy tờ), theo dõi hồ sơ và trò chuyện với cán bộ.",
  privacy:
    "Về dữ liệu cá nhân: chúng tôi chỉ dùng thông tin của anh/chị để cung cấp dịch vụ công, theo Luật Bảo vệ dữ liệu cá nhân 2025. Không hồ sơ nào được gửi khi anh/chị chưa đồng ý.",
  howToStop: "Muốn ngừng nhận nhắc việc và tin thông báo, anh/chị nhắn “dừng nhận tin”; muốn nhận lại, nhắn “nhận lại tin”.",
  menu: "Anh/chị cần gì ạ? Hãy nhắn câu hỏi, hoặc chọn một mục bên dưới.",
  buttons: {
    dossiers: "Hồ sơ của tôi",
    deadlines: "Việc sắp đến hạn",
    vaccination: "Lịch tiêm của con",
    handover: "Gặp cán bộ",
    openApp: "Mở ứng dụng",
    language: "English",
    optOut: "Dừng nhận tin",
    optIn: "Nhận lại tin",
    guidance: "Xem hướng dẫn đầy đủ",
  },
  guidance: {
    heading: "Hướng dẫn thủ tục: {{service}}",
    agency: "Cơ quan giải quyết: {{agency}}",
    codes: "Mã thủ tục: {{codes}}",
    codesUnknown: "Mã thủ tục: theo hướng dẫn của cơ quan tiếp nhận",
    papers: "Giấy tờ: {{text}}",
    fee: "Phí, lệ phí: {{text}}",
    where: "Nộp ở đâu: {{text}}",
    duration: "Thời gian giải quyết: {{text}}",
    deadline: "Thời hạn: {{text}}",
    result: "Nhận kết quả: {{text}}",
    portal: "Tra cứu thủ tục trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) theo tên hoặc mã thủ tục.",
    notFound: "Xin lỗi, tôi không tìm thấy thủ tục này. Anh/chị có thể nhắn tên thủ tục, hoặc gặp cán bộ để được hỗ trợ.",
  },
  textOnly: "Xin lỗi anh/chị, hiện tại trợ lý chỉ đọc được tin nhắn chữ. Anh/chị vui lòng nhắn câu hỏi bằng chữ, hoặc chọn một mục bên dưới.",
  faq: {
    didYouMean: "Có phải anh/chị muốn hỏi một trong các câu sau?",
    notFound: "Xin lỗi, tôi chưa tìm được câu trả lời phù hợp. Anh/chị có thể hỏi lại theo cách khác, hoặc gặp cán bộ để được hỗ trợ.",
    source: "Căn cứ: {{source}}",
  },
  dossiers: {
    needPhone: "Để xem hồ sơ, anh/chị cần xác minh số điện thoại trong ứng dụng Dịch vụ công chủ động (một lần duy nhất).",
    verifyPhone:
      "Số điện thoại anh/chị gửi qua biểu mẫu chỉ dùng để cán bộ liên hệ. Để bảo vệ thông tin cá nhân của anh/chị, anh/chị vui lòng xác minh số điện thoại trong ứng dụng Dịch vụ công chủ động (một lần duy nhất), sau đó nhắn “hồ sơ của tôi” để xem hồ sơ.",
    none: "Hiện anh/chị chưa có hồ sơ nào trên hệ thống.",
    heading: "Hồ sơ của anh/chị:",
    item: "• {{title}}: {{status}}{{receipt}}",
    receipt: " (số biên nhận {{no}})",
    draftOpen: "đang chờ anh/chị kiểm tra, hạn {{dueBy}}",
    untitled: "Đăng ký khai sinh",
  },
  deadlines: {
    none: "Anh/chị chưa có việc nào sắp đến hạn.",
    heading: "Việc sắp đến hạn:",
    birth: "• Đăng ký khai sinh cho cháu {{name}}: trước ngày {{date}}",
    dose: "• Tiêm {{vaccine}} cho cháu {{name}}: từ ngày {{date}}",
    draft: "• {{service}}: trước ngày {{date}}",
    document: "• {{service}} số {{number}}: có hạn đến ngày {{date}}",
  },
  vaccination: {
    none: "Chưa có thông tin trẻ em nào gắn với số điện thoại của anh/chị.",
    heading: "Lịch tiêm chủng mở rộng của cháu {{name}} (theo lịch mới nhất Bộ Y tế công bố):",
    item: "• {{date}}: {{vaccine}}",
    done: "Các mũi theo lịch của cháu đã qua. Anh/chị vui lòng kiểm tra sổ tiêm chủng tại trạm y tế.",
  },
  language: { switched: "Đã chuyển sang tiếng Việt." },
  optOut: {
    done: "Anh/chị đã ngừng nhận nhắc việc và tin thông báo. Thông báo về hồ sơ anh/chị đã nộp vẫn được gửi. Nhắn “nhận lại tin” nếu muốn nhận lại.",
    alreadyOut: "Anh/chị đang không nhận nhắc việc và tin thông báo.",
  },
  optIn: {
    done: "Anh/chị sẽ nhận lại nhắc việc và tin thông báo. Nhắn “dừng nhận tin” bất cứ lúc nào để ngừng.",
    alreadyIn: "Anh/chị đang nhận nhắc việc và tin thông báo.",
  },
  paymentMistake: {
    choose: "Số điện thoại này nhận thông báo chi trả của nhiều người. Anh/chị vui lòng chọn người có thông tin chưa đúng:",
    reported: "Đã chuyển thông tin anh/chị báo cho cán bộ phụ trách chi trả. Cán bộ sẽ kiểm tra và trả lời anh/chị tại đây trong giờ hành chính, thường trong vòng 1 ngày làm việc.",
    already: "Cán bộ đã nhận thông tin anh/chị báo và đang kiểm tra. Anh/chị có thể nhắn thêm chi tiết tại đây.",
    unknown: "Xin lỗi, chúng tôi không tìm thấy thông báo chi trả của anh/chị. Anh/chị vui lòng nhắn “gặp cán bộ” để được hỗ trợ.",
  },
  handover: {
    opened:
      "Đã chuyển cuộc trò chuyện cho cán bộ. Cán bộ trả lời trong giờ hành chính (sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu), thường trong vòng 1 ngày làm việc. Trong lúc chờ, trợ lý tự động sẽ tạm dừng. Việc gấp, anh/chị gọi tổng đài 1022.",
    alreadyOpen: "Cán bộ đã nhận yêu cầu của anh/chị và sẽ trả lời sớm. Tin nhắn của anh/chị đã được chuyển cho cán bộ.",
    closed: "Cán bộ đã kết thúc hỗ trợ. Trợ lý tự động tiếp tục phục vụ anh/chị. Nhắn “gặp cán bộ” nếu cần hỗ trợ thêm.",
  },
  rating: {
    ask: "Hồ sơ {{receiptNo}} đã có kết quả. Anh/chị đánh giá thế nào về dịch vụ? (1 = rất không hài lòng, 5 = rất hài lòng)",
    thanks: "Cảm ơn anh/chị đã đánh giá {{score}}/5. Ý kiến của anh/chị giúp chúng tôi phục vụ tốt hơn.",
    invalid: "Không tìm thấy hồ sơ cần đánh giá.",
  },
  contactPhoneSaved:
    "Đã lưu số điện thoại {{phone}} để cán bộ liên hệ với anh/chị khi cần. Để bảo vệ hồ sơ của anh/chị, số gửi qua biểu mẫu không dùng để mở hồ sơ: anh/chị vui lòng xác minh số điện thoại trong ứng dụng Dịch vụ công chủ động (một lần duy nhất) để xem hồ sơ.",
  contactPhoneSavedVerified: "Đã lưu số điện thoại {{phone}} để cán bộ liên hệ với anh/chị khi cần.",
  processingFailed: "Xin lỗi anh/chị, hệ thống chưa xử lý được tin nhắn vừa rồi. Anh/chị vui lòng nhắn lại sau ít phút, hoặc chọn “Gặp cán bộ” để được hỗ trợ.",
  phoneInvalid: "Số điện thoại anh/chị gửi chưa đúng. Anh/chị vui lòng gửi lại số di động Việt Nam.",
} as const;
