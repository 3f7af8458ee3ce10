/**
 * Messages the state sends to citizens (ZNS templates and OA messages). Courteous register of a
 * state agency: "Ông/Bà" in notices. ZNS bodies stay under 400 characters and carry no raw links
 * or phone numbers: links travel as buttons.
 */
export const notifications = {
  birthDraftReady: {
    title: "Hồ sơ khai sinh đã được chuẩn bị sẵn",
    body: "Kính gửi Ông/Bà {{parentName}}, chúc mừng gia đình đón cháu bé chào đời ngày {{birthDate}}. Cơ quan hộ tịch đã chuẩn bị sẵn tờ khai đăng ký khai sinh từ giấy chứng sinh của {{facilityName}}. Ông/Bà vui lòng kiểm tra, bổ sung và xác nhận trước ngày {{dueBy}} để đăng ký đúng hạn, miễn lệ phí. Hồ sơ chỉ được gửi khi Ông/Bà đồng ý.",
    button: "Xem và xác nhận hồ sơ",
  },
  deathDraftReady: {
    title: "Hồ sơ khai tử đã được chuẩn bị sẵn",
    body: "Kính gửi Ông/Bà {{informantName}}, chúng tôi xin chia buồn cùng gia đình về sự ra đi của {{deceasedName}}. Để gia đình bớt phải đi lại, cơ quan hộ tịch đã chuẩn bị sẵn tờ khai đăng ký khai tử từ giấy báo tử. Khi thuận tiện, Ông/Bà vui lòng kiểm tra và xác nhận trước ngày {{dueBy}}. Hồ sơ chỉ được gửi khi Ông/Bà đồng ý.",
    button: "Xem hồ sơ",
  },
  childIdCardDraftReady: {
    title: "Hồ sơ đề nghị cấp thẻ căn cước cho trẻ đã được chuẩn bị sẵn",
    body: "Kính gửi Ông/Bà {{parentName}}, theo dữ liệu dân cư, cháu {{childName}} (con của Ông/Bà) chưa được cấp thẻ căn cước. Nếu gia đình có nhu cầu, hồ sơ đề nghị cấp thẻ cho cháu đã được chuẩn bị sẵn: Ông/Bà kiểm tra, xác nhận rồi tự nộp theo hướng dẫn, đến hết ngày {{dueBy}}.",
    button: "Xem hồ sơ đã chuẩn bị",
  },
  dossierStatus: {
    title: "Cập nhật hồ sơ {{receiptNo}}",
    received: "Kính gửi Ông/Bà {{parentName}}, hồ sơ {{dossierName}} số {{receiptNo}} đã được tiếp nhận. Chúng tôi sẽ thông báo khi có kết quả.",
    processing: "Kính gửi Ông/Bà {{parentName}}, hồ sơ {{dossierName}} số {{receiptNo}} đang được cơ quan có thẩm quyền xử lý.",
    need_more_info: "Kính gửi Ông/Bà {{parentName}}, hồ sơ {{dossierName}} số {{receiptNo}} cần bổ sung thông tin: {{note}}. Ông/Bà vui lòng xem chi tiết trong ứng dụng.",
    rejected: "Kính gửi Ông/Bà {{parentName}}, hồ sơ {{dossierName}} số {{receiptNo}} chưa được giải quyết. Lý do: {{note}}. Ông/Bà vui lòng xem hướng dẫn trong ứng dụng.",
    completed: "Kính gửi Ông/Bà {{parentName}}, hồ sơ {{dossierName}} số {{receiptNo}} đã có kết quả. Ông/Bà vui lòng xem cách nhận kết quả trong ứng dụng.",
    /** Added after a `need_more_info` notice when the case system set the last day to answer. */
    respondBy: "Ông/Bà vui lòng bổ sung trước ngày {{respondBy}}.",
    button: "Xem tiến độ hồ sơ",
    znsBody: "Kính gửi Ông/Bà {{parentName}}, hồ sơ {{dossierName}} số {{receiptNo}}: {{statusText}}. {{detail}}",
  },
  documentExpiry: {
    body: "Kính gửi Ông/Bà {{holderName}}, {{serviceName}} số {{documentNo}} sẽ hết hạn vào ngày {{expiresOn}}. Ông/Bà vui lòng thực hiện thủ tục gia hạn trước ngày {{fileBy}} để không bị gián đoạn.",
    button: "Xem hướng dẫn gia hạn",
    guideInChat: "Hướng dẫn thủ tục",
  },
  populationDeadline: {
    body: "Kính gửi Ông/Bà {{recipientName}}, {{subject}} hết hạn vào ngày {{dueOn}}. Kính đề nghị Ông/Bà {{action}} trước ngày {{fileBy}}.",
    button: "Xem hướng dẫn thủ tục",
    subject: {
      "id-card-renewal": { own: "thẻ căn cước số {{documentNo}} của Ông/Bà", child: "thẻ căn cước của cháu {{childName}} (con của Ông/Bà)" },
      "temporary-residence": { own: "thời hạn tạm trú của Ông/Bà", child: "thời hạn tạm trú của cháu {{childName}} (con của Ông/Bà)" },
      "household-health-insurance": { own: "thẻ bảo hiểm y tế hộ gia đình số {{documentNo}} của Ông/Bà", child: "thẻ bảo hiểm y tế hộ gia đình của cháu {{childName}} (con của Ông/Bà)" },
    },
    action: {
      "id-card-renewal": "làm thủ tục cấp đổi thẻ căn cước theo Luật Căn cước",
      "temporary-residence": "làm thủ tục gia hạn tạm trú (theo Luật Cư trú, hồ sơ nộp trong 15 ngày trước khi hết hạn)",
      "household-health-insurance": "đóng tiền gia hạn để quyền lợi khám chữa bệnh không bị gián đoạn",
    },
  },
  vaccinationDue: {
    body: "Kính gửi Ông/Bà {{parentName}}, cháu bé sinh ngày {{birthDate}} đến lịch tiêm {{doseName}} từ ngày {{dueOn}}. Ông/Bà vui lòng đưa cháu đến trạm y tế xã, phường hoặc điểm tiêm chủng gần nhất để cháu được tiêm đúng lịch do Bộ Y tế ban hành.",
    button: "Xem lịch tiêm của con",
  },
  paymentNotice: {
    body: "Kính gửi Ông/Bà {{fullName}}, Ông/Bà có tên trong danh sách {{programmeName}}. Số tiền Ông/Bà được nhận là {{amount}}, {{how}} vào ngày {{paymentDate}}. Ông/Bà không cần làm đơn. Nếu thông tin chưa đúng, Ông/Bà vui lòng bấm «Báo thông tin chưa đúng» để cán bộ kiểm tra.",
    znsBody: "Kính gửi Ông/Bà {{fullName}}, Ông/Bà có tên trong danh sách {{programmeName}}. Số tiền được nhận: {{amount}}, {{how}} vào ngày {{paymentDate}}. Nếu thông tin chưa đúng, Ông/Bà vui lòng nhắn tin cho Official Account này để cán bộ kiểm tra.",
    smsBody: "Kính gửi Ông/Bà {{fullName}}, Ông/Bà có tên trong danh sách {{programmeName}}. Số tiền được nhận: {{amount}}, {{how}} vào ngày {{paymentDate}}. Nếu thông tin chưa đúng, Ông/Bà vui lòng báo cán bộ xã, phường.",
    button: "Báo thông tin chưa đúng",
    channel: {
      bank_account: "chuyển vào tài khoản của Ông/Bà qua {{payer}}",
      cash_at_ward: "chi trả bằng tiền mặt tại xã, phường nơi Ông/Bà cư trú",
    },
  },
  sms: {
    whereToAct: "Chi tiết và thủ tục: mở Zalo, vào Official Account của Trung tâm Phục vụ hành chính công tỉnh.",
  },
  /** Campaigns (staff console): the button under a message, the test mark, the words for data we do not hold. */
  campaign: {
    button: "Xem chi tiết",
    testMark: "[TIN THỬ — không gửi tới người dân]",
    fallbackName: "Ông/Bà",
    fallbackWard: "địa phương",
    fallbackService: "dịch vụ công",
  },
  noteMissing: "không có ghi chú",
} as const;
