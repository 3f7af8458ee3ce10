import type { app as vi } from "../vi/app.js";
import type { DeepStringShape } from "../shape.js";

export const app: DeepStringShape<typeof vi> = {
  title: "Proactive public services",
};
