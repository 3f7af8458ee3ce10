-- Hand-written (drizzle-kit cannot express a data cleanup): before the index "one open handover
-- ticket per citizen" (next migration) can be built, a citizen with several open tickets keeps the
-- newest open (by opened_at, then id); the older ones are closed as of the newest one's opening, by
-- this migration. Their messages stay with them, readable among the closed tickets.
UPDATE handover_tickets SET
  status = 'closed',
  closed_at = (SELECT max(n.opened_at) FROM handover_tickets n WHERE n.zalo_user_id = handover_tickets.zalo_user_id AND n.status = 'open'),
  closed_by = 'migration:handover_one_open'
WHERE status = 'open' AND EXISTS (
  SELECT 1 FROM handover_tickets n
  WHERE n.zalo_user_id = handover_tickets.zalo_user_id AND n.status = 'open'
    AND (n.opened_at > handover_tickets.opened_at OR (n.opened_at = handover_tickets.opened_at AND n.id > handover_tickets.id))
);
