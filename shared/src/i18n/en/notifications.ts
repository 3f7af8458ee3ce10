import type { notifications as vi } from "../vi/notifications.js";
import type { DeepStringShape } from "../shape.js";

export const notifications: DeepStringShape<typeof vi> = {
  birthDraftReady: {
    title: "Your birth registration has been prepared",
    body: "Dear {{parentName}}, congratulations on your baby born on {{birthDate}}. From the birth certificate issued by {{facilityName}}, the civil registry has prepared the birth registration form for your child. Please check, complete and confirm it by {{dueBy}} to register on time and free of charge. Nothing is sent without your consent.",
    button: "Review and confirm",
  },
  deathDraftReady: {
    title: "The death registration has been prepared",
    body: "Dear {{informantName}}, please accept our condolences on the loss of {{deceasedName}}. To spare your family a trip, the civil registry has prepared the death registration form from the death notice. When you are ready, please check and confirm it by {{dueBy}}. Nothing is sent without your consent.",
    button: "See the form",
  },
  childIdCardDraftReady: {
    title: "An ID card application for your child has been prepared",
    body: "Dear {{parentName}}, population records show that your child {{childName}} has no citizen ID card yet. If your family wishes, an application for the card has been prepared: check and confirm it, then file it yourself as the guidance says, by {{dueBy}}.",
    button: "See the prepared application",
  },
  dossierStatus: {
    title: "Update on dossier {{receiptNo}}",
    received: "Dear {{parentName}}, {{dossierName}} dossier {{receiptNo}} has been received. We will let you know when there is a result.",
    processing: "Dear {{parentName}}, {{dossierName}} dossier {{receiptNo}} is being processed by the competent authority.",
    need_more_info: "Dear {{parentName}}, {{dossierName}} dossier {{receiptNo}} needs more information: {{note}}. Please see the details in the app.",
    rejected: "Dear {{parentName}}, {{dossierName}} dossier {{receiptNo}} could not be completed. Reason: {{note}}. Please see the guidance in the app.",
    completed: "Dear {{parentName}}, {{dossierName}} dossier {{receiptNo}} is complete. Please see how to collect the result in the app.",
    respondBy: "Please send it by {{respondBy}}.",
    button: "Follow the dossier",
    znsBody: "Dear {{parentName}}, {{dossierName}} dossier {{receiptNo}}: {{statusText}}. {{detail}}",
  },
  documentExpiry: {
    body: "Dear {{holderName}}, your {{serviceName}} no. {{documentNo}} expires on {{expiresOn}}. Please apply for renewal by {{fileBy}} to avoid any interruption.",
    button: "See how to renew",
    guideInChat: "Procedure guide",
  },
  populationDeadline: {
    body: "Dear {{recipientName}}, {{subject}} expires on {{dueOn}}. Please {{action}} by {{fileBy}}.",
    button: "See how to apply",
    subject: {
      "id-card-renewal": { own: "your citizen ID card no. {{documentNo}}", child: "the citizen ID card of your child {{childName}}" },
      "temporary-residence": { own: "your temporary residence registration", child: "the temporary residence registration of your child {{childName}}" },
      "household-health-insurance": { own: "your household health insurance card no. {{documentNo}}", child: "the household health insurance card of your child {{childName}}" },
    },
    action: {
      "id-card-renewal": "apply for a new card as the Law on Identification requires",
      "temporary-residence": "apply to extend it (under the Law on Residence, within the 15 days before it ends)",
      "household-health-insurance": "pay the renewal so that your cover continues without a break",
    },
  },
  vaccinationDue: {
    body: "Dear {{parentName}}, your child born on {{birthDate}} is due for {{doseName}} from {{dueOn}}. Please take your child to the commune health station or the nearest vaccination point, so that every dose is given on the Ministry of Health's schedule.",
    button: "See my child's vaccinations",
  },
  paymentNotice: {
    body: "Dear {{fullName}}, you are on the list for the {{programmeName}}. You will receive {{amount}}, {{how}}, on {{paymentDate}}. You do not need to apply. If anything is wrong, please press \"Report a mistake\" and an officer will check it.",
    znsBody: "Dear {{fullName}}, you are on the list for the {{programmeName}}. Amount: {{amount}}, {{how}}, on {{paymentDate}}. If anything is wrong, please write to this Official Account and an officer will check it.",
    smsBody: "Dear {{fullName}}, you are on the list for the {{programmeName}}. Amount: {{amount}}, {{how}}, on {{paymentDate}}. If anything is wrong, please tell your commune or ward officer.",
    button: "Report a mistake",
    channel: {
      bank_account: "paid into your account through the {{payer}}",
      cash_at_ward: "paid in cash at your commune or ward",
    },
  },
  sms: {
    whereToAct: "Details and the procedure: open Zalo and go to the Official Account of the provincial Public Administration Service Centre.",
  },
  campaign: {
    button: "View details",
    testMark: "[TEST MESSAGE — not sent to citizens]",
    fallbackName: "Sir or Madam",
    fallbackWard: "your area",
    fallbackService: "public service",
  },
  noteMissing: "no note given",
};
