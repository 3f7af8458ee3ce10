/** The console's audit area. */
export const audit = {
  title: "Nhật ký truy cập",
};
