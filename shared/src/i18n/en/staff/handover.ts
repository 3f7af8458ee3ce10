import type { handover as vi } from "../../vi/staff/handover.js";

export const handover: typeof vi = {
  title: "Handed-over chats",
};
