import { upsertClient, type Db } from "@hccd/db";
import type { IntegrationScope } from "../../middleware/machine-auth.js";
import { hashApiKey } from "../../middleware/machine-auth.js";

/** The provincial case system's client id; every other client is a health facility. */
export const CASE_SYSTEM_CLIENT_ID = "case-system";

/** What a client may call, from its id: the case system reports status, facilities send certificates and notices. */
export function scopesFor(clientId: string): IntegrationScope[] {
  return clientId === CASE_SYSTEM_CLIENT_ID ? ["case-status"] : ["birth-certificates", "death-notices"];
}

/** Makes the machine clients in the database match INTEGRATION_API_KEYS (only key hashes are stored). */
export function provisionClients(db: Db, keys: readonly { key: string; clientId: string }[]): void {
  for (const { key, clientId } of keys) {
    upsertClient(db, { id: clientId, name: clientId, scopes: scopesFor(clientId), apiKeyHash: hashApiKey(key) });
  }
}
