/** The console's handover area. */
export const handover = {
  title: "Hội thoại chuyển cán bộ",
};
