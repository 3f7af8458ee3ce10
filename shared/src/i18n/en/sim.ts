import type { sim as vi } from "../vi/sim.js";
import type { DeepStringShape } from "../shape.js";

export const sim: DeepStringShape<typeof vi> = {
  environment: "Simulated environment: nothing is really sent",
  messages: {
    title: "Simulated Zalo messages",
    titleFor: "Zalo messages to {{who}}",
    pageTitleSuffix: "Zalo simulator",
    user: "Zalo user {{userId}}",
    intro: "What the simulated Zalo delivered here since the server started, newest first. Each button opens the message's link as Zalo would.",
    night: "Real Zalo sends nothing from 22:00 to 06:00, so notices wait for the end of the quiet hours (QUIET_HOURS, 21–7 by default); the demo (pnpm start) has none, so messages arrive at once.",
    phoneLabel: "Phone number",
    phoneHint: "The mobile number that receives the messages, e.g. 0912 345 678.",
    phoneInvalid: "is not a Vietnamese mobile number",
    fieldError: "{{field}}: {{message}}.",
    show: "Show messages",
    reload: "Reload",
    json: "As JSON, for programs",
    chat: "Chat with the OA",
    count: "Messages: {{count}}",
    listLabel: "Messages",
    empty: "No message to {{who}} yet.",
    emptyHint: "Messages usually arrive within seconds: reload the page.",
    askPhone: "Type a phone number to see what was sent to it.",
    channel: { zns: "ZNS · template message to a phone number", oa: "Zalo OA · customer-service message" },
    sentAt: "Sent at",
    vietnamTime: "Vietnam time",
    quickReply: "Quick reply “{{title}}” (try it in Chat with the OA)",
    linkless: "Button “{{title}}”",
  },
};
