import { procedureGuidanceOf, serviceByKey, type ProcedureGuidance } from "@hccd/shared";
import { notFound } from "../../errors.js";

/** A catalogue service's procedure guidance, or 404 for a key the catalogue does not know. */
export function guidanceOfService(key: string): ProcedureGuidance {
  const entry = serviceByKey(key);
  if (!entry) throw notFound("service");
  return procedureGuidanceOf(entry);
}
