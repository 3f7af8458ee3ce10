/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's handover inbox: the conversations the bot handed to a person, longest-waiting
 * first; one conversation's history, a reply that goes to the citizen through the OA, and closing,
 * which hands the citizen back to the bot. The pages call the same services as
 * `/api/staff/handover` (services/chat/handover.ts), which apply the ward officer's scope and audit reads.
 */
import { Hono } from "hono";
import { wardName } from "../services/reference/wards.js";
import { formatVnPhone, HANDOVER_REPLY_MAX, type HandoverContactPhone, type HandoverTicketDetail, type HandoverTicketSummary } from "@hccd/shared";
import { DomainError } from "../errors.js";
import { CitizenUnreachable, claimHandover, HandoverClaimed, closeHandoverAsStaff, listHandoverInbox, readHandoverTicket, replyToHandover } from "../services/chat/handover.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatDuration, formatVietnamDateTime } from "./format.js";
import { ConsolePage, CsrfField, Notice } from "./layout.js";

/** How often the list and an open conversation reload themselves, so new citizen messages appear. */
const LIST_REFRESH_MS = 10_000;
const CONVERSATION_REFRESH_MS = 5_000;

/** A page reloading a part of itself (console.js) re-reads what the staff member already opened: audited once, on opening. */
const isRefresh = (c: ConsoleContext) => c.req.header("x-requested-with") === "console";

function citizenName(c: ConsoleContext, t: HandoverTicketSummary) {
  if (t.withheld) return c.var.t("handover.withheldCitizen");
  return t.citizen.displayName ?? t.citizen.maskedPhone ?? c.var.t("handover.noName");
}

const wardText = (c: ConsoleContext, t: HandoverTicketSummary) => t.ward?.name ?? c.var.t("handover.unknownWard");

/** Whose the conversation is, or a button to take it on (an open one nobody took). */
function Owner(props: { c: ConsoleContext; ticket: HandoverTicketSummary }) {
  const { c, ticket } = props;
  const t = c.var.t;
  if (ticket.owner) {
    const mine = ticket.owner.id === c.var.staff.id;
    return <span class={`pill ${mine ? "pill--ok" : ""}`} data-testid="handover-owner" data-owner={ticket.owner.id}>{mine ? t("handover.ownedByYou") : t("handover.ownedBy", { name: ticket.owner.displayName })}</span>;
  }
  if (ticket.status !== "open") return <span class="muted">{t("handover.nobody")}</span>;
  return (
    <form method="post" action={`/staff/handover/${encodeURIComponent(ticket.id)}/claim`} class="inline-form">
      <CsrfField c={c} />
      <button type="submit" class="button button--secondary" data-testid="handover-claim">{t("handover.claim")}</button>
    </form>
  );
}

/**
 * The phone the citizen typed into the OA's form, to call them back: a `tel:` link, with what it
 * is in words beside it, since anyone can type anyone's number there.
 */
function ContactPhone(props: { c: ConsoleContext; contact: HandoverContactPhone }) {
  const { c, contact } = props;
  return (
    <>
      <a href={`tel:+${contact.phone}`}>{formatVnPhone(contact.phone)}</a>
      <br />
      <span class={`pill ${contact.verified ? "pill--ok" : "pill--warn"}`} data-testid="handover-contact-phone-note" data-verified={String(contact.verified)}>
        {c.var.t(contact.verified ? "handover.contactPhoneVerified" : "handover.contactPhoneUnverified")}
      </span>
    </>
  );
}

function WaitingPill(props: { c: ConsoleContext; ticket: HandoverTicketSummary }) {
  const { c, ticket } = props;
  const t = c.var.t;
  if (ticket.status === "closed") return <span class="pill">{t("handover.status.closed")}</span>;
  if (ticket.waitingMs === null) return <span class="pill pill--ok" data-testid="handover-waiting" data-waiting-ms="">{t("handover.answered")}</span>;
  // Over an hour in office hours is long for a chat: marked so the oldest stands out.
  const kind = ticket.waitingMs >= 3_600_000 ? "pill--err" : "pill--warn";
  return (
    <span class={`pill ${kind}`} data-testid="handover-waiting" data-waiting-ms={String(ticket.waitingMs)}>
      {t("handover.waiting", { duration: formatDuration(ticket.waitingMs, c.var.lang) })}
    </span>
  );
}

/** The inbox page: the conversations in the staff member's scope, and the name of their ward, loaded first. */
async function listPage(c: ConsoleContext, deps: ConsoleDeps, status: "open" | "closed") {
  const staff = c.var.staff;
  const tickets = await listHandoverInbox(deps, staff, { status, requestId: c.var.requestId, audited: !isRefresh(c) });
  const ward = staff.role === "ward_officer" && staff.wardCode ? await wardName(deps.db, staff.wardCode) : null;
  return listView(c, status, tickets, ward);
}

function listView(c: ConsoleContext, status: "open" | "closed", tickets: Awaited<ReturnType<typeof listHandoverInbox>>, ward: string | null) {
  const t = c.var.t;
  const staff = c.var.staff;
  return (
    <ConsolePage c={c} title={t("handover.title")} section="handover">
      <p>{t("handover.intro")}</p>
      {ward && <p>{t("handover.scopeWard", { ward })}</p>}
      {staff.role === "ward_officer" && <p class="hint">{t("handover.sharedQueue")}</p>}
      {c.req.query("closed") && <Notice kind="success">{t("handover.closed")}</Notice>}
      <form method="get" action="/staff/handover" class="filters card">
        <div class="field">
          <label for="handover-status">{t("handover.filter.status")}</label>
          <select id="handover-status" name="status" data-testid="handover-status-filter">
            {(["open", "closed"] as const).map((s) => (
              <option value={s} selected={s === status}>{t(`handover.status.${s}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">{t("handover.filter.submit")}</button>
      </form>
      <div id="handover-list" data-refresh={String(LIST_REFRESH_MS)}>
        {tickets.length === 0 ? (
          <p class="muted" data-testid="handover-none">{t(`handover.none.${status}`)}</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="handover-list">
              <thead>
                <tr>
                  <th scope="col">{t("handover.columns.citizen")}</th>
                  <th scope="col">{t("handover.columns.ward")}</th>
                  <th scope="col">{t("handover.columns.owner")}</th>
                  <th scope="col">{t("handover.columns.question")}</th>
                  <th scope="col">{status === "open" ? t("handover.columns.waiting") : t("handover.columns.closedAt")}</th>
                  <th scope="col">{t("handover.columns.openedAt")}</th>
                  <th scope="col" class="num">{t("handover.columns.messages")}</th>
                </tr>
              </thead>
              <tbody>
                {tickets.map((ticket) => (
                  <tr data-testid="handover-row" data-ticket-id={ticket.id} data-queue={ticket.queue} data-withheld={String(ticket.withheld)}>
                    <td>
                      <a href={`/staff/handover/${encodeURIComponent(ticket.id)}`} data-testid="handover-open">{citizenName(c, ticket)}</a>
                      {!ticket.withheld && (
                        <>
                          <br />
                          <span class="muted">{ticket.citizen.maskedPhone ?? t("handover.noPhone")}</span>
                        </>
                      )}
                    </td>
                    <td data-testid="handover-ward">{wardText(c, ticket)}</td>
                    <td><Owner c={c} ticket={ticket} /></td>
                    <td class="handover-question">{ticket.withheld ? <span class="muted">{t("handover.withheldQuestion")}</span> : (ticket.reason ?? "—")}</td>
                    <td>{status === "open" ? <WaitingPill c={c} ticket={ticket} /> : ticket.closedAt ? formatVietnamDateTime(new Date(ticket.closedAt)) : "—"}</td>
                    <td>{formatVietnamDateTime(new Date(ticket.openedAt))}</td>
                    <td class="num">{ticket.messages}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </ConsolePage>
  );
}

function History(props: { c: ConsoleContext; ticket: HandoverTicketDetail }) {
  const t = props.c.var.t;
  const { ticket } = props;
  return (
    <div id="handover-conversation" data-refresh={ticket.status === "open" ? String(CONVERSATION_REFRESH_MS) : undefined}>
      <p class="muted">
        {ticket.status === "open" ? <WaitingPill c={props.c} ticket={ticket} /> : <span class="pill">{t("handover.status.closed")}</span>}
      </p>
      {ticket.history.length === 0 ? (
        <p class="muted">{t("handover.noHistory")}</p>
      ) : (
        <ol class="chat" data-testid="handover-history">
          {ticket.history.map((m) => (
            <li class={`from-${m.from}`} data-testid="handover-message" data-from={m.from}>
              <span class="muted">
                {t(`handover.from.${m.from}`)} · {formatVietnamDateTime(new Date(m.at))}
              </span>
              <br />
              <span class="handover-text">{m.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function ticketPage(c: ConsoleContext, ticket: HandoverTicketDetail, opts: { error?: string; text?: string; sent?: boolean; claimed?: boolean } = {}) {
  const t = c.var.t;
  const name = citizenName(c, ticket);
  const unreachable = ticket.citizen.unreachableReason;
  return (
    <ConsolePage c={c} title={t("handover.detailTitle", { name })} section="handover">
      <p>
        <a href="/staff/handover">{t("handover.back")}</a>
      </p>
      {opts.sent && <Notice kind="success"><span data-testid="handover-sent">{t("handover.sent")}</span></Notice>}
      {opts.claimed && <Notice kind="success"><span data-testid="handover-claimed">{t("handover.claimed")}</span></Notice>}
      {opts.error && (
        <Notice kind="error">
          <span data-testid="handover-error">{opts.error}</span>
        </Notice>
      )}
      <section class="card" aria-labelledby="citizen-title">
        <h2 id="citizen-title">{t("handover.citizenTitle")}</h2>
        <dl class="handover-facts">
          {!ticket.withheld && (
            <>
              <dt>{t("handover.displayName")}</dt>
              <dd data-testid="handover-citizen-name">{name}</dd>
              <dt>{t("handover.phone")}</dt>
              <dd data-testid="handover-citizen-phone">{ticket.citizen.maskedPhone ?? t("handover.noPhone")}</dd>
              {ticket.citizen.contactPhone && (
                <>
                  <dt>{t("handover.contactPhone")}</dt>
                  <dd data-testid="handover-contact-phone">
                    <ContactPhone c={c} contact={ticket.citizen.contactPhone} />
                  </dd>
                </>
              )}
            </>
          )}
          <dt>{t("handover.columns.ward")}</dt>
          <dd data-testid="handover-ward">{wardText(c, ticket)}</dd>
          <dt>{t("handover.columns.owner")}</dt>
          <dd><Owner c={c} ticket={ticket} /></dd>
          <dt>{t("handover.openedAt")}</dt>
          <dd>{formatVietnamDateTime(new Date(ticket.openedAt))}</dd>
          {ticket.closedAt && (
            <>
              <dt>{t("handover.closedAt")}</dt>
              <dd>{formatVietnamDateTime(new Date(ticket.closedAt))}</dd>
            </>
          )}
        </dl>
      </section>
      {ticket.withheld ? (
        <Notice kind="info"><span data-testid="handover-withheld">{t("handover.withheldNote")}</span></Notice>
      ) : (
        <>
          <h2>{t("handover.historyTitle")}</h2>
          <p class="hint">{t("handover.historyNote")}</p>
          <History c={c} ticket={ticket} />
        </>
      )}
      {ticket.withheld ? null : ticket.status === "closed" ? (
        <Notice kind="info">
          <span data-testid="handover-is-closed">{t("handover.isClosed")}</span>
        </Notice>
      ) : (
        <>
          {unreachable ? (
            <Notice kind="error">
              <span data-testid="handover-unreachable" data-reason={unreachable}>{t(`handover.unreachable.${unreachable}`)}</span>
              {ticket.citizen.contactPhone && <> <span data-testid="handover-call-back">{t("handover.callBack")}</span></>}
            </Notice>
          ) : (
            <form method="post" action={`/staff/handover/${encodeURIComponent(ticket.id)}/reply`} class="card" data-testid="handover-reply-form">
              <h2>{t("handover.replyTitle")}</h2>
              <CsrfField c={c} />
              <div class="field">
                <label for="reply-text">{t("handover.replyLabel")}</label>
                <p class="hint" id="reply-hint">{t("handover.replyHint", { max: HANDOVER_REPLY_MAX })}</p>
                <textarea id="reply-text" name="text" required maxlength={HANDOVER_REPLY_MAX} aria-describedby="reply-hint" aria-invalid={opts.error ? "true" : undefined} data-testid="handover-reply-text">
                  {opts.text ?? ""}
                </textarea>
              </div>
              <button type="submit" class="button" data-testid="handover-send">{t("handover.send")}</button>
            </form>
          )}
          <form method="post" action={`/staff/handover/${encodeURIComponent(ticket.id)}/close`} class="card" data-testid="handover-close-form">
            <h2>{t("handover.closeTitle")}</h2>
            <CsrfField c={c} />
            <p class="hint">{t("handover.closeHint")}</p>
            <button type="submit" class="button button--danger" data-confirm={t("handover.closeConfirm")} data-testid="handover-close">{t("handover.close")}</button>
          </form>
        </>
      )}
    </ConsolePage>
  );
}

/** A refusal of the service as the officer reads it. */
function refusal(c: ConsoleContext, err: DomainError, text: string): string {
  const t = c.var.t;
  if (err.code === "handover_closed") return t("handover.errors.closed");
  if (err instanceof HandoverClaimed) return t("handover.errors.claimed", { name: err.owner });
  if (err.code === "handover_not_claimed") return t("handover.errors.notClaimed");
  if (err instanceof CitizenUnreachable) return t(`handover.unreachable.${err.reason}`);
  if (err.code === "validation_failed") {
    const trimmed = text.normalize("NFC").trim();
    return trimmed ? t("handover.errors.tooLong", { max: HANDOVER_REPLY_MAX, count: trimmed.length }) : t("handover.errors.empty");
  }
  return t("errors.failed", { reason: err.message });
}

export function handoverPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get("/", async (c) => c.html(await listPage(c, deps, c.req.query("status") === "closed" ? "closed" : "open")));

  app.get("/:id", async (c) => {
    const ticket = await readHandoverTicket(deps, c.var.staff, c.req.param("id"), { requestId: c.var.requestId, audited: !isRefresh(c) });
    return c.html(ticketPage(c, ticket, { sent: Boolean(c.req.query("sent")), claimed: Boolean(c.req.query("claimed")) }));
  });

  app.post("/:id/claim", async (c) => {
    const id = c.req.param("id");
    try {
      await claimHandover(deps, c.var.staff, id, c.var.requestId);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 409) throw err;
      const ticket = await readHandoverTicket(deps, c.var.staff, id, { requestId: c.var.requestId, audited: false });
      return c.html(ticketPage(c, ticket, { error: refusal(c, err, "") }), 409);
    }
    return c.redirect(`/staff/handover/${encodeURIComponent(id)}?claimed=1`, 303);
  });

  app.post("/:id/reply", async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const text = typeof body.text === "string" ? body.text : "";
    try {
      await replyToHandover(deps, c.var.staff, id, { text }, c.var.requestId);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404) throw err;
      const ticket = await readHandoverTicket(deps, c.var.staff, id, { requestId: c.var.requestId, audited: false });
      return c.html(ticketPage(c, ticket, { error: refusal(c, err, text), text }), err.status === 422 ? 422 : 409);
    }
    // After a POST, a GET (a reload does not send the reply twice).
    return c.redirect(`/staff/handover/${encodeURIComponent(id)}?sent=1`, 303);
  });

  app.post("/:id/close", async (c) => {
    const id = c.req.param("id");
    try {
      await closeHandoverAsStaff(deps, c.var.staff, id, c.var.requestId);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 409) throw err;
      const ticket = await readHandoverTicket(deps, c.var.staff, id, { requestId: c.var.requestId, audited: false });
      return c.html(ticketPage(c, ticket, { error: err.code === "handover_closed" ? c.var.t("handover.errors.alreadyClosed") : refusal(c, err, "") }), 409);
    }
    return c.redirect("/staff/handover?closed=1", 303);
  });
  return app;
}
