import type { imports as vi } from "../../vi/staff/imports.js";

export const imports: typeof vi = {
  title: "Imports",
};
