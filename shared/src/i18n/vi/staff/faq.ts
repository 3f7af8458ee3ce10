/** The console's faq area. */
export const faq = {
  title: "Câu hỏi thường gặp",
};
