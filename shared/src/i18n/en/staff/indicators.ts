import type { indicators as vi } from "../../vi/staff/indicators.js";

export const indicators: typeof vi = {
  title: "Indicators",
};
