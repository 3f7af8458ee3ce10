import { eq, inArray } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { persons } from "../schema.js";

export type Person = typeof persons.$inferSelect;
export type NewPerson = typeof persons.$inferInsert;

export function getPerson(db: Db, id: string): Person | undefined {
  return db.select().from(persons).where(eq(persons.id, id)).get();
}

export function getPersons(db: Db, ids: string[]): Person[] {
  if (ids.length === 0) return [];
  return db.select().from(persons).where(inArray(persons.id, ids)).all();
}

export function findPersonByNationalId(db: Db, nationalId: string): Person | undefined {
  return db.select().from(persons).where(eq(persons.nationalId, nationalId)).get();
}

export function findPersonsByPhone(db: Db, phone: string): Person[] {
  return db.select().from(persons).where(eq(persons.phone, phone)).all();
}

export function insertPerson(db: Db, person: NewPerson): Person {
  return db.insert(persons).values(person).returning().get();
}

export function updatePerson(db: Db, id: string, patch: Partial<Omit<NewPerson, "id">>): void {
  db.update(persons).set(patch).where(eq(persons.id, id)).run();
}
