
import { i18nFor, foldVietnamese, type Language, type ZaloWebhookEvent } from "@hccd/shared";
import type { ServiceDeps } from "../deps.js";
import type { FaqService } from "../faq/types.js";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";
import { enqueueChatMessage, type OaButton } from "../services/delivery/notifications.js";
import { readConversation, saveConversation } from "../services/chat/bot-session.js";
import type { ZaloUser } from "../services/citizens/zalo-users.js";

export interface BotDeps extends ServiceDeps {
  faq: FaqService;
  /** The service catalogue (deadlines read it as the Mini App's home does). */
  catalogue: ReminderCatalogue;
  /** Base URL of the Mini App, for "open the app" buttons. */
  miniAppUrl: string;
}

/** The typed context every bot middleware receives (grammY's model: one object per update). */
export interface BotContext {
  readonly deps: BotDeps;
  readonly event: ZaloWebhookEvent;
  readonly inboxId: string;
  readonly now: Date;
  /** The user the event is about (sender for user_* events, follower for follow events). */
  user: ZaloUser | null;
  /** The text the user typed or the button payload, NFC and trimmed; null for other events. */
  readonly text: string | null;
  /** `text` folded (no diacritics, lower case, single spaces) for matching commands. */
  readonly folded: string;
  lang: Language;
  t: ReturnType<typeof i18nFor>["t"];
  /** Conversation state, saved after the update when changed. */
  session: Record<string, unknown>;
  sessionChanged: boolean;
  /** Queues a reply through the outbox (stored before it is sent; once per event and position). */
  reply(text: string, buttons?: OaButton[]): Promise<void>;
  /** Replies queued while handling this update. */
  readonly replies: number;
}

export async function createBotContext(deps: BotDeps, input: { event: ZaloWebhookEvent; inboxId: string; user: ZaloUser | null }): Promise<BotContext> {
  const now = deps.now();
  const raw = input.event.event_name === "user_send_text" ? (input.event.message?.text ?? "").normalize("NFC").trim() : null;
  const lang: Language = input.user?.language ?? "vi";
  let replies = 0;
  const ctx: BotContext = {
    deps,
    event: input.event,
    inboxId: input.inboxId,
    now,
    user: input.user,
    text: raw,
    folded: raw ? foldVietnamese(raw).replace(/[^\p{L}\p{N}#:._-]+/gu, " ").trim() : "",
    lang,
    t: i18nFor(lang).t,
    session: input.user ? await readConversation(deps.db, input.user.id) : {},
    sessionChanged: false,
    async reply(text, buttons) {
      const user = ctx.user;
      if (!user?.oaUserId) return;
      // The position is taken before the write: replies queued side by side keep distinct keys.
      const position = replies++;
      await enqueueChatMessage(deps.db, {
        now,
        newId: deps.newId,
        oaUserId: user.oaUserId,
        language: ctx.lang,
        text,
        buttons: buttons?.slice(0, 5) ?? [],
        idempotencyKey: `reply:${input.inboxId}:${position}`,
      });
    },
    get replies() {
      return replies;
    },
  };
  return ctx;
}

/** Switches the language of the context (after the user changed it). */
export function setContextLanguage(ctx: BotContext, lang: Language): void {
  ctx.lang = lang;
  ctx.t = i18nFor(lang).t;
}

export async function saveSession(ctx: BotContext): Promise<void> {
  if (ctx.user && ctx.sessionChanged) await saveConversation(ctx.deps.db, ctx.user.id, ctx.session, ctx.now);
}
