import { findClientByKeyHash, upsertClient, type Db, type MachineClient } from "@hccd/db";
import { sha256Hex } from "../hashing.js";
import { retryOnUniqueViolation } from "../only-once.js";

export type { MachineClient };

/** What a machine client may call. */
export type IntegrationScope = "birth-certificates" | "death-notices" | "case-status" | "population-records";

/** The provincial case system's client id; every client but it and the population platform is a health facility. */
export const CASE_SYSTEM_CLIENT_ID = "case-system";

/** The provincial data-sharing platform pushing population data (contract 5): its own client, its own scope. */
export const POPULATION_CLIENT_ID = "population";

/** Whether a client id is a health facility's (hospitals send certificates and notices, nothing else). */
export const isFacilityClient = (clientId: string) => clientId !== CASE_SYSTEM_CLIENT_ID && clientId !== POPULATION_CLIENT_ID;

/** API key → hash, the form keys are stored in (the key itself is never stored). */
export const hashApiKey = (key: string) => sha256Hex(`hccd-api-key:${key}`);

/** What a client may call, from its id: the case system reports status, the population platform pushes residents, facilities send certificates and notices. */
export function scopesFor(clientId: string): IntegrationScope[] {
  if (clientId === CASE_SYSTEM_CLIENT_ID) return ["case-status"];
  if (clientId === POPULATION_CLIENT_ID) return ["population-records"];
  return ["birth-certificates", "death-notices"];
}

/**
 * Makes the machine clients in the database match INTEGRATION_API_KEYS (only key hashes are stored).
 * Instances starting together on one PostgreSQL database insert the same client at once: the
 * upsert arbitrates on the id only, so the loser meets the key's unique index and runs again,
 * finding the row this time.
 */
export async function provisionClients(db: Db, keys: readonly { key: string; clientId: string }[]): Promise<void> {
  for (const { key, clientId } of keys) {
    await retryOnUniqueViolation(() => upsertClient(db, { id: clientId, name: clientId, scopes: scopesFor(clientId), apiKeyHash: hashApiKey(key) }));
  }
}

/** The client an API key belongs to, unless it is unknown or disabled. */
export async function machineClientByKey(db: Db, key: string): Promise<MachineClient | undefined> {
  const client = await findClientByKeyHash(db, hashApiKey(key));
  return client && !client.disabledAt ? client : undefined;
}
