import { eq } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { machineClients } from "../schema.js";

export type MachineClient = typeof machineClients.$inferSelect;

export function findClientByKeyHash(db: Db, apiKeyHash: string): MachineClient | undefined {
  return db.select().from(machineClients).where(eq(machineClients.apiKeyHash, apiKeyHash)).get();
}

/** Creates the client, or updates its name, scopes and key: configuration is the source of truth. */
export function upsertClient(db: Db, client: { id: string; name: string; scopes: string[]; apiKeyHash: string }): void {
  db.insert(machineClients)
    .values(client)
    .onConflictDoUpdate({ target: machineClients.id, set: { name: client.name, scopes: client.scopes, apiKeyHash: client.apiKeyHash, disabledAt: null } })
    .run();
}
