/** The staff command line (`pnpm hccd`): officers read it, so it speaks their language. */
export const cli = {
  usage: `Cách dùng: pnpm hccd <lệnh> [tùy chọn]

  import <tệp.csv|tệp.xlsx> [--by <người nhập>] [--agency <tên cơ quan>] [--report <tệp.json>]
                     nhập danh sách giấy phép, chứng chỉ của một sở (hợp đồng 4)
  sweep              lập và xếp hàng các nhắc hẹn đã đến hạn, một lần
  worker             chạy bộ gửi tin (và lịch quét nhắc hẹn) cho tới khi bị dừng
  population replan  lập lại nhắc hẹn từ mọi bản ghi dữ liệu dân cư đang lưu (sau khi đổi quy tắc hoặc thời hạn nhắc)
  population status  cho biết còn bao nhiêu bản ghi dữ liệu dân cư đang chờ lập nhắc hẹn
  staff create --username <tên> --name <họ tên> --role <vai trò> [--agency <cơ quan>] [--ward <mã xã>]
                     tạo tài khoản cán bộ; mật khẩu lấy từ biến HCCD_STAFF_PASSWORD hoặc nhập từ bàn phím
  staff unlock --username <tên> [--ip <địa chỉ>]
                     cho đăng nhập lại ngay sau nhiều lần nhập sai (mọi nơi, hoặc một địa chỉ)
  simulate [--port <cổng>] [--delay-ms <ms>]
                     chạy riêng bộ giả lập Zalo và SMS (mỗi lần gửi được trả lời sau <ms> mili giây, như qua một mạng chậm)
  backup <tệp>       sao lưu cơ sở dữ liệu SQLite ra tệp, ngay cả khi máy chủ đang chạy
  restore <tệp>      khôi phục cơ sở dữ liệu SQLite từ tệp sao lưu (dừng máy chủ trước); bản cũ được giữ lại bên cạnh

Tùy chọn chung: --lang vi|en. Cơ sở dữ liệu: biến DATABASE_PATH (mặc định data/demo.db, như pnpm start), hoặc DATABASE_URL (PostgreSQL).`,
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
  replanMarked: "Đã đánh dấu {{marked}} bản ghi dữ liệu dân cư để lập lại nhắc hẹn.",
  replanDone: "Đã lập lại {{planned}} bản ghi tại đây; còn {{waiting}} bản ghi đang chờ (các máy chủ đang chạy sẽ lập tiếp).",
  populationWaiting: "Còn {{waiting}} bản ghi dữ liệu dân cư đang chờ lập nhắc hẹn.",
  passwordPrompt: "Mật khẩu (ít nhất 12 ký tự): ",
  staffCreated: "Đã tạo tài khoản {{username}} ({{role}}).",
  staffUnlocked: "Đã cho {{username}} đăng nhập lại ({{count}} bộ đếm lần nhập sai đã xóa).",
  invalid: "Dữ liệu không hợp lệ:",
  invalidField: "  {{path}}: {{message}}",
  missingBackupFile: "Thiếu tên tệp sao lưu.",
  backupDone: "Đã sao lưu {{database}} vào {{file}} ({{bytes}} byte, {{migrations}} bản chuyển đổi cấu trúc).",
  restoreDone: "Đã khôi phục {{database}} từ {{file}} ({{migrations}} bản chuyển đổi cấu trúc; các bản mới hơn sẽ được áp dụng khi máy chủ khởi động).",
  restoreKeptAside: "Cơ sở dữ liệu trước khi khôi phục được giữ tại {{path}}.",
  backupProblem: {
    missing: "Không tìm thấy tệp {{path}}",
    exists: "Tệp {{path}} đã có: chọn tên khác (bản sao lưu cũ không bị ghi đè).",
    not_sqlite: "{{path}} không phải là cơ sở dữ liệu SQLite",
    not_ours: "{{path}} không phải là cơ sở dữ liệu của hệ thống này ({{detail}})",
    damaged: "{{path}} đã hỏng, bị cắt cụt hoặc sai lệch (SQLite báo: {{detail}})",
    unreadable: "Không đọc được tệp {{path}} ({{detail}})",
    write_failed: "Không ghi được tệp {{path}} ({{detail}})",
    in_use: "Cơ sở dữ liệu {{path}} đang được một tiến trình mở (máy chủ, bộ gửi tin): dừng tiến trình đó (Ctrl+C, hoặc systemctl stop <dịch vụ>) rồi chạy lại lệnh khôi phục.",
  },
  nothingRestored: "chưa khôi phục gì, cơ sở dữ liệu vẫn như cũ.",
  noBackupWritten: "chưa ghi bản sao lưu nào.",
  restoreReplacedDamaged: "Cơ sở dữ liệu bị thay thế đã hỏng (SQLite không đọc được); tệp đó vẫn được giữ nguyên ở chỗ riêng.",
  databaseUnavailable: "Không mở được cơ sở dữ liệu {{target}}: {{reason}}. Kiểm tra DATABASE_URL (hoặc DATABASE_PATH với SQLite).",
  postgresBackup: "Cơ sở dữ liệu là PostgreSQL: sao lưu bằng pg_dump (mật khẩu lấy từ PGPASSWORD hoặc ~/.pgpass):\n  {{command}}",
  postgresRestore: "Cơ sở dữ liệu là PostgreSQL: dừng mọi phiên bản máy chủ rồi khôi phục bằng pg_restore (mật khẩu lấy từ PGPASSWORD hoặc ~/.pgpass):\n  {{command}}",
  simulating: "Bộ giả lập đang chạy tại {{base}}: ZALO_SIM_URL={{base}}/zalo SMS_GATEWAY_URL={{base}}/sms SMS_API_KEY={{key}}",
} as const;
