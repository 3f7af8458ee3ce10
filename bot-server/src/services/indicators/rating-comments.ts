/**
 * What citizens wrote with their satisfaction ratings, for the staff who act on it: newest first,
 * in pages, within the staff member's scope (a department officer's services, a ward officer's
 * ward) and the indicators' filters. A comment is a citizen's own words, so it is shown with ID
 * numbers and phones masked, never with who wrote it, only to the roles of `ratingComments`
 * (permissions.ts), and every page read is audited.
 */
import { ratingComments, type StaffUser } from "@hccd/db";
import { maskPersonalData, periodInstants, RATING_COMMENTS_PAGE_SIZE, type RatingComments, type RatingCommentsQuery } from "@hccd/shared";
import { forbidden } from "../../errors.js";
import { audit } from "../staff/audit.js";
import { mayUse } from "../staff/permissions.js";
import { resolveIndicatorFilters, type IndicatorDeps } from "./indicators.js";

export function mayReadRatingComments(staff: StaffUser): boolean {
  return mayUse(staff.role, "ratingComments");
}

export async function listRatingComments(deps: IndicatorDeps, staff: StaffUser, q: RatingCommentsQuery, opts: { requestId?: string } = {}): Promise<RatingComments> {
  if (!mayReadRatingComments(staff)) throw forbidden(`the ${staff.role} role may not read citizens' comments`);
  const f = await resolveIndicatorFilters(deps, staff, q);
  const { start, end } = periodInstants(f);
  const page = q.page;
  const r = await ratingComments(deps.db, { start, end, serviceKeys: f.serviceKeys, wardCode: f.ward ?? undefined }, { limit: RATING_COMMENTS_PAGE_SIZE, offset: (page - 1) * RATING_COMMENTS_PAGE_SIZE });
  if (r.comments.length > 0) {
    await audit(deps.db, {
      at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "rating_comments.read", ...(opts.requestId ? { requestId: opts.requestId } : {}),
      details: { page, comments: r.comments.length, from: f.from, to: f.to, service: f.service, agency: f.agency, ward: f.ward },
    });
  }
  return {
    total: r.total,
    page,
    pageSize: RATING_COMMENTS_PAGE_SIZE,
    comments: r.comments.map((c) => ({ score: c.score, comment: maskPersonalData(c.comment), at: new Date(c.at).toISOString(), service: c.service })),
  };
}
