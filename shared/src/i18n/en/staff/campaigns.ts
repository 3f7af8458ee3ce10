import type { campaigns as vi } from "../../vi/staff/campaigns.js";

export const campaigns: typeof vi = {
  title: "Campaigns",
};
