/** The console's imports area. */
export const imports = {
  title: "Nhập danh sách",
};
