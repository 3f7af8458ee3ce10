/** The staff command line (`pnpm hccd`): officers read it, so it speaks their language. */
export const cli = {
  usage: `Cách dùng: pnpm hccd <lệnh> [tùy chọn]

  import <tệp.csv|tệp.xlsx> [--by <người nhập>] [--agency <tên cơ quan>] [--report <tệp.json>]
                     nhập danh sách giấy phép, chứng chỉ của một sở (hợp đồng 4)
  sweep              lập và xếp hàng các nhắc hẹn đã đến hạn, một lần
  worker             chạy bộ gửi tin (và lịch quét nhắc hẹn) cho tới khi bị dừng
  staff create --username <tên> --name <họ tên> --role <vai trò> [--agency <cơ quan>] [--ward <mã xã>]
                     tạo tài khoản cán bộ; mật khẩu lấy từ biến HCCD_STAFF_PASSWORD hoặc nhập từ bàn phím
  staff unlock --username <tên> [--ip <địa chỉ>]
                     cho đăng nhập lại ngay sau nhiều lần nhập sai (mọi nơi, hoặc một địa chỉ)
  simulate [--port <cổng>] [--delay-ms <ms>]
                     chạy riêng bộ giả lập Zalo và SMS (mỗi lần gửi được trả lời sau <ms> mili giây, như qua một mạng chậm)

Tùy chọn chung: --lang vi|en. Cơ sở dữ liệu: biến DATABASE_PATH (mặc định data/demo.db, như pnpm start).`,
  badDelay: "--delay-ms phải là số nguyên mili giây từ 0 đến 60000.",
  unknownCommand: "Không có lệnh “{{command}}”.",
  missingFile: "Thiếu tên tệp cần nhập.",
  missingOption: "Thiếu tùy chọn --{{option}}.",
  fileNotFound: "Không tìm thấy tệp {{path}}.",
  importing: "Đang nhập {{file}}",
  progress: "{{bar}} {{value}} dòng",
  importDone: "Đã đọc {{rows}} dòng: {{created}} mới, {{updated}} cập nhật, {{unchanged}} không đổi, {{rejectedRows}} dòng bị từ chối ({{problems}} lỗi).",
  rejectedRow: "  dòng {{row}}, cột {{column}}: {{reason}}",
  moreRejected: "  … và {{count}} lỗi khác (ghi báo cáo ra tệp bằng --report <tệp.json>).",
  rejectedNotKept: "Báo cáo chỉ giữ chi tiết {{kept}} dòng bị từ chối đầu tiên; {{notKept}} dòng còn lại không được giữ. Sửa các dòng này rồi nhập lại tệp để xem các dòng còn lại.",
  reportWritten: "Đã ghi báo cáo vào {{path}}.",
  importFailed: "Không nhập được tệp: {{reason}}",
  sweepDone: "Quét nhắc hẹn: {{queued}} tin đã xếp hàng gửi, {{skipped}} không gửi được (đã ghi lý do), {{cancelled}} đã hủy.",
  workerStarted: "Bộ gửi tin đang chạy (cơ sở dữ liệu {{database}}). Nhấn Ctrl+C để dừng.",
  workerStopped: "Bộ gửi tin đã dừng.",
  passwordPrompt: "Mật khẩu (ít nhất 12 ký tự): ",
  staffCreated: "Đã tạo tài khoản {{username}} ({{role}}).",
  staffUnlocked: "Đã cho {{username}} đăng nhập lại ({{count}} bộ đếm lần nhập sai đã xóa).",
  invalid: "Dữ liệu không hợp lệ:",
  invalidField: "  {{path}}: {{message}}",
  simulating: "Bộ giả lập đang chạy tại {{base}}: ZALO_SIM_URL={{base}}/zalo SMS_GATEWAY_URL={{base}}/sms SMS_API_KEY={{key}}",
} as const;
