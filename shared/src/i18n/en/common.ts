import type { common as vi } from "../vi/common.js";
import type { DeepStringShape } from "../shape.js";

export const common: DeepStringShape<typeof vi> = {
  errors: {
    validation_failed: "Some information is not valid. Please check the highlighted fields.",
    not_found: "We could not find what you asked for.",
    unauthorized: "Please sign in with Zalo to continue.",
    stale_draft: "The dossier has just changed. Please review the new content before confirming.",
    already_submitted: "The dossier has already been sent and can no longer be changed.",
    draft_incomplete: "Some information in the dossier is still missing.",
    network: "Cannot reach the server. Please check your connection and try again.",
    server: "The system is busy. Please try again in a few minutes.",
  },
  sources: {
    birth_certificate: "Birth certificate",
    population_data: "Population data",
    derived: "Derived from the parents' details",
    default: "Suggested default",
    citizen: "Entered by you",
    death_notice: "Death notice",
    business_registry: "Business registration",
    department_list: "Issuing agency's list",
    none: "Not yet given",
  },
  sex: { male: "Male", female: "Female" },
  submissionStatus: {
    queued: "Waiting to be sent",
    sent: "Sent to the processing office",
    received: "Received",
    processing: "Being processed",
    need_more_info: "More information needed",
    rejected: "Not granted",
    completed: "Result ready",
    cancelled: "Cancelled",
  },
};
