/** What the simulated Zalo delivered, read as a program reads it (the page is also HTML for people). */
export interface DeliveredMessage {
  text: string;
  buttons: { title: string; url?: string }[];
}

/**
 * The messages the simulated Zalo delivered to a phone, oldest first. `/sim/zalo/messages` answers
 * JSON to programs: asked with `format=json` and `Accept: application/json`.
 */
export async function deliveredTo(serverUrl: string, phone: string): Promise<DeliveredMessage[]> {
  const res = await fetch(`${serverUrl}/sim/zalo/messages?phone=${encodeURIComponent(phone)}&format=json`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`/sim/zalo/messages answered ${res.status}`);
  return ((await res.json()) as { messages: DeliveredMessage[] }).messages;
}

/** The first message to this phone that `match` accepts and that has a link button, once the worker has sent it. */
export async function linkDeliveredTo(serverUrl: string, phone: string, match: (text: string) => boolean): Promise<{ text: string; url: string }> {
  for (let i = 0; i < 100; i++) {
    const found = (await deliveredTo(serverUrl, phone)).find((m) => match(m.text) && m.buttons[0]?.url);
    if (found) return { text: found.text, url: found.buttons[0]!.url! };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing with a link was delivered to ${phone}`);
}
