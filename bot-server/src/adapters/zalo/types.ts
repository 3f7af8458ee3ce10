/** Client interfaces for Zalo. Each has a real HTTP implementation and is exercised against the simulator. */

/** A button on an OA message (zalo.md: up to 5; the actions the OA template accepts). */
export type OaButton =
  | { type: "oa.open.url"; title: string; url: string }
  | { type: "oa.query.show" | "oa.query.hide"; title: string; payload: string }
  | { type: "oa.open.phone"; title: string; phone: string };

/** Customer-service messages from the OA to a user (allowed within 7 days of their last interaction). */
export interface ZaloOaClient {
  sendText(input: { userId: string; text: string; buttons?: OaButton[] }): Promise<{ messageId: string }>;
}

/** ZNS template messages to a phone number (`84…`), for people outside the 7-day window. */
export interface ZnsClient {
  sendTemplate(input: {
    phone: string;
    templateId: string;
    templateData: Record<string, string>;
    trackingId: string;
  }): Promise<{ msgId: string; sentTime: string; quota: { dailyQuota: number; remainingQuota: number } | null }>;
}

/** Zalo Graph API: who holds this Mini App access token, and the phone number behind a one-time token. */
export interface ZaloGraphClient {
  getMe(accessToken: string): Promise<{ id: string; name: string | null }>;
  exchangePhoneToken(input: { accessToken: string; code: string }): Promise<{ phone: string }>;
}

export interface ZaloClients {
  oa: ZaloOaClient;
  zns: ZnsClient;
  graph: ZaloGraphClient;
}
