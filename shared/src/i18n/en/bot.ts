import type { bot as vi } from "../vi/bot.js";
import type { DeepStringShape } from "../shape.js";

export const bot: DeepStringShape<typeof vi> = {
  welcome:
    "Welcome to Tây Ninh province's proactive public services. Here you can ask about administrative procedures, get reminders (birth registration, vaccinations, expiring documents), follow your dossiers and chat with an officer.",
  privacy: "About your personal data: we use it only to provide public services, under the 2025 Personal Data Protection Law. No dossier is ever sent without your consent.",
  howToStop: "To stop reminders and notices, send “stop”; to get them again, send “start”.",
  menu: "How can we help? Type your question, or choose below.",
  buttons: {
    dossiers: "My dossiers",
    deadlines: "Upcoming deadlines",
    vaccination: "Child's vaccinations",
    handover: "Talk to an officer",
    openApp: "Open the app",
    language: "Tiếng Việt",
    optOut: "Stop messages",
    optIn: "Receive messages",
    guidance: "See the full guide",
  },
  guidance: {
    heading: "Procedure guide: {{service}}",
    agency: "Deciding agency: {{agency}}",
    codes: "Procedure code: {{codes}}",
    codesUnknown: "Procedure code: as the receiving agency advises",
    papers: "Papers: {{text}}",
    fee: "Fees: {{text}}",
    where: "Where to file: {{text}}",
    duration: "Processing time: {{text}}",
    deadline: "Deadline: {{text}}",
    result: "Result: {{text}}",
    portal: "Look the procedure up on the National Public Service Portal (dichvucong.gov.vn) by its name or code.",
    notFound: "Sorry, I could not find this procedure. Type the procedure's name, or talk to an officer.",
  },
  textOnly: "Sorry, the assistant can only read text for now. Please type your question, or choose below.",
  faq: {
    didYouMean: "Did you mean one of these?",
    notFound: "Sorry, I could not find a good answer. Try asking another way, or talk to an officer.",
    source: "Source: {{source}}",
  },
  dossiers: {
    needPhone: "To see your dossiers, please verify your phone number once in the Proactive Public Services app.",
    verifyPhone:
      "The phone number you sent through the form is used only so that our officers can contact you. To protect your personal data, please verify your phone number once in the Proactive Public Services app, then send “my dossiers” to see your dossiers.",
    none: "You have no dossiers in the system yet.",
    heading: "Your dossiers:",
    item: "• {{title}}: {{status}}{{receipt}}",
    receipt: " (receipt {{no}})",
    draftOpen: "waiting for your review, due {{dueBy}}",
    untitled: "Birth registration",
  },
  deadlines: {
    none: "You have nothing due soon.",
    heading: "Coming up:",
    birth: "• Register the birth of {{name}}: by {{date}}",
    dose: "• {{vaccine}} for {{name}}: from {{date}}",
    draft: "• {{service}}: by {{date}}",
    document: "• {{service}} no. {{number}}: valid until {{date}}",
  },
  vaccination: {
    none: "No child is linked to your phone number yet.",
    heading: "Expanded immunisation schedule for {{name}} (latest schedule published by the Ministry of Health):",
    item: "• {{date}}: {{vaccine}}",
    done: "All scheduled doses are in the past. Please check the vaccination book at your health station.",
  },
  language: { switched: "Switched to English." },
  optOut: {
    done: "You will no longer receive reminders and notices. Updates on dossiers you filed still reach you. Send “start” to receive them again.",
    alreadyOut: "You are not receiving reminders and notices.",
  },
  optIn: {
    done: "You will receive reminders and notices again. Send “stop” at any time to stop.",
    alreadyIn: "You are already receiving reminders and notices.",
  },
  paymentMistake: {
    choose: "This phone number received payment notices for several people. Please choose the person whose information is not right:",
    reported: "Your report has been passed to the officer in charge of the payment. They will check it and answer you here during office hours, usually within one working day.",
    already: "The officer has your report and is checking it. You can add details here.",
    unknown: "Sorry, we could not find a payment notice for you. Please write “talk to an officer” for help.",
  },
  handover: {
    opened:
      "Your conversation has been passed to an officer. Officers answer during office hours (7:30–11:30 and 13:30–17:00, Monday to Friday), usually within one working day. Meanwhile the assistant will stay quiet. For urgent matters call the 1022 hotline.",
    alreadyOpen: "An officer has your request and will answer soon. Your message has been passed on.",
    closed: "The officer has finished. The assistant is back to help you. Send “talk to an officer” if you need more help.",
  },
  rating: {
    ask: "Dossier {{receiptNo}} has its result. How satisfied are you with the service? (1 = very dissatisfied, 5 = very satisfied)",
    thanks: "Thank you for rating {{score}}/5. Your feedback helps us serve you better.",
    invalid: "We could not find the dossier to rate.",
  },
  contactPhoneSaved:
    "Phone number {{phone}} saved so that our officers can contact you. To protect your dossiers, a number sent through the form does not open them: please verify your phone number once in the Proactive Public Services app to see your dossiers.",
  contactPhoneSavedVerified: "Phone number {{phone}} saved so that our officers can contact you.",
  processingFailed: "Sorry, we could not process your last message. Please send it again in a few minutes, or choose “Talk to an officer” for help.",
  phoneInvalid: "That phone number does not look right. Please send a Vietnamese mobile number.",
};
