import type { faq as vi } from "../../vi/staff/faq.js";

export const faq: typeof vi = {
  title: "FAQ",
};
