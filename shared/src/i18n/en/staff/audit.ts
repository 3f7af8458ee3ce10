import type { audit as vi } from "../../vi/staff/audit.js";

export const audit: typeof vi = {
  title: "Audit log",
};
