/**
 * Commands the bot recognises, as people type them (folded: no diacritics, lower case) and as the
 * hidden payloads of its own buttons (`#…`). A request for a person is recognised before them
 * (features/handover.ts); anything else goes to the FAQ.
 */
export type Command =
  | { kind: "menu" }
  | { kind: "dossiers" }
  | { kind: "deadlines" }
  | { kind: "vaccination" }
  | { kind: "language"; lang: "vi" | "en" }
  | { kind: "opt_out" }
  | { kind: "opt_in" }
  | { kind: "handover" }
  | { kind: "faq"; id: string }
  | { kind: "guide"; service: string }
  | { kind: "rate"; submissionId: string; score: number };

const PHRASES: [RegExp, Command][] = [
  [/^(#menu|menu|tro giup|huong dan|bat dau|help|start over|hi|hello|xin chao|chao|alo)$/, { kind: "menu" }],
  [/^(#dossiers|ho so|ho so cua toi|xem ho so|tinh trang ho so|tra cuu ho so|my dossiers?|my applications?)$/, { kind: "dossiers" }],
  [/^(#deadlines|han cua toi|viec can lam|viec sap den han|sap den han|my deadlines|deadlines|reminders)$/, { kind: "deadlines" }],
  [/^(#vaccination|lich tiem|lich tiem chung|lich tiem cua con|lich tiem cua be|vaccination|vaccinations|vaccination schedule)$/, { kind: "vaccination" }],
  [/^(#lang:vi|tieng viet|vietnamese)$/, { kind: "language", lang: "vi" }],
  [/^(#lang:en|english|tieng anh)$/, { kind: "language", lang: "en" }],
  [/^(#optout|dung nhan tin|huy nhan tin|ngung nhan tin|khong nhan tin|stop|unsubscribe)$/, { kind: "opt_out" }],
  [/^(#optin|nhan lai tin|nhan tin lai|tiep tuc nhan tin|subscribe|start)$/, { kind: "opt_in" }],
  // The button. Typed requests for a person, in any words, are faq/person-request.ts's.
  [/^#handover$/, { kind: "handover" }],
];

export function parseCommand(folded: string): Command | null {
  const faq = /^#faq:([\w.-]+)$/.exec(folded);
  if (faq?.[1]) return { kind: "faq", id: faq[1] };
  const guide = /^#guide:([a-z0-9-]{1,80})$/.exec(folded);
  if (guide?.[1]) return { kind: "guide", service: guide[1] };
  const rate = /^#rate:([\w-]+):([1-5])$/.exec(folded);
  if (rate?.[1] && rate[2]) return { kind: "rate", submissionId: rate[1], score: Number(rate[2]) };
  for (const [re, cmd] of PHRASES) if (re.test(folded)) return cmd;
  return null;
}
