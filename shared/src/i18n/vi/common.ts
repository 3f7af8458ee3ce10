/** Errors and labels shared by the server and the Mini App. */
export const common = {
  errors: {
    validation_failed: "Thông tin chưa hợp lệ. Ông/Bà vui lòng kiểm tra lại các mục được đánh dấu.",
    not_found: "Không tìm thấy nội dung Ông/Bà cần.",
    unauthorized: "Ông/Bà cần đăng nhập bằng Zalo để tiếp tục.",
    stale_draft: "Hồ sơ vừa được cập nhật. Ông/Bà vui lòng xem lại nội dung mới trước khi xác nhận.",
    already_submitted: "Hồ sơ đã được gửi đi nên không thể sửa nữa.",
    draft_incomplete: "Hồ sơ còn thông tin chưa điền.",
    network: "Không kết nối được máy chủ. Ông/Bà vui lòng kiểm tra kết nối mạng rồi thử lại.",
    server: "Hệ thống đang bận. Ông/Bà vui lòng thử lại sau ít phút.",
  },
  sources: {
    birth_certificate: "Giấy chứng sinh",
    population_data: "Dữ liệu dân cư",
    derived: "Suy ra từ thông tin cha mẹ",
    default: "Gợi ý mặc định",
    citizen: "Ông/Bà nhập",
    none: "Chưa có",
  },
  sex: { male: "Nam", female: "Nữ" },
  submissionStatus: {
    queued: "Đang chờ gửi",
    sent: "Đã gửi đến cơ quan giải quyết",
    received: "Đã tiếp nhận",
    processing: "Đang xử lý",
    need_more_info: "Cần bổ sung",
    rejected: "Không giải quyết",
    completed: "Đã có kết quả",
    cancelled: "Đã hủy",
  },
} as const;
