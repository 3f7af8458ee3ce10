import { eq } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { machineClients } from "../schema.js";

export type MachineClient = typeof machineClients.$inferSelect;

export async function findClientByKeyHash(db: Db, apiKeyHash: string): Promise<MachineClient | undefined> {
  const { machineClients } = tablesOf(db);
  return (await db.select().from(machineClients).where(eq(machineClients.apiKeyHash, apiKeyHash)).limit(1))[0];
}

/** Creates the client, or updates its name, scopes and key: configuration is the source of truth. */
export async function upsertClient(db: Db, client: { id: string; name: string; scopes: string[]; apiKeyHash: string }): Promise<void> {
  const { machineClients } = tablesOf(db);
  await db
    .insert(machineClients)
    .values(client)
    .onConflictDoUpdate({ target: machineClients.id, set: { name: client.name, scopes: client.scopes, apiKeyHash: client.apiKeyHash, disabledAt: null } });
}
