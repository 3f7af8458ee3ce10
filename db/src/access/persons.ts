import { eq, inArray } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { persons } from "../schema.js";

export type Person = typeof persons.$inferSelect;
export type NewPerson = typeof persons.$inferInsert;

export async function getPerson(db: Db, id: string): Promise<Person | undefined> {
  const { persons } = tablesOf(db);
  return (await db.select().from(persons).where(eq(persons.id, id)).limit(1))[0];
}

export async function getPersons(db: Db, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const { persons } = tablesOf(db);
  return db.select().from(persons).where(inArray(persons.id, ids));
}

export async function findPersonByNationalId(db: Db, nationalId: string): Promise<Person | undefined> {
  const { persons } = tablesOf(db);
  return (await db.select().from(persons).where(eq(persons.nationalId, nationalId)).limit(1))[0];
}

export async function findPersonsByPhone(db: Db, phone: string): Promise<Person[]> {
  const { persons } = tablesOf(db);
  return db.select().from(persons).where(eq(persons.phone, phone));
}

export async function insertPerson(db: Db, person: NewPerson): Promise<Person> {
  const { persons } = tablesOf(db);
  return (await db.insert(persons).values(person).returning())[0]!;
}

export async function updatePerson(db: Db, id: string, patch: Partial<Omit<NewPerson, "id">>): Promise<void> {
  const { persons } = tablesOf(db);
  await db.update(persons).set(patch).where(eq(persons.id, id));
}
