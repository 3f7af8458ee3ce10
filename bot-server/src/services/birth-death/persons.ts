import { nameKey, type KnownPerson } from "@hccd/shared";
import { findPersonByNationalId, insertPerson, updatePerson, type Db, type Person } from "@hccd/db";

export interface PersonFacts {
  fullName: string;
  dateOfBirth: string;
  nationalId: string;
  sex: "male" | "female";
  ethnicity: string;
  nationality: string;
  phone?: string | undefined;
  residence?: { wardCode: string; address: string } | undefined;
}

/**
 * Finds the person with this ID number, or records them from the facts given. An existing record
 * is the population data and is not overwritten; only what it lacks (a phone, a residence) is filled
 * in. Returns what was known *before* this call, which the draft shows as population data. Two
 * requests recording the same new person at once: the second insert is a unique violation
 * (`persons_national_id_uq`), for the caller's transaction to run again and match the first's row.
 */
export async function matchOrCreatePerson(db: Db, facts: PersonFacts, ctx: { now: Date; newId: () => string }): Promise<{ person: Person; known: KnownPerson | null }> {
  const existing = await findPersonByNationalId(db, facts.nationalId);
  if (existing) {
    const known: KnownPerson = {
      fullName: existing.fullName,
      dateOfBirth: existing.dateOfBirth,
      nationalId: existing.nationalId,
      ethnicity: existing.ethnicity,
      nationality: existing.nationality,
      residenceWardCode: existing.residenceWardCode,
      residenceAddress: existing.residenceAddress,
      hometown: existing.hometown,
    };
    const patch: Partial<Person> = {};
    if (!existing.phone && facts.phone) patch.phone = facts.phone;
    if (!existing.residenceWardCode && facts.residence) {
      patch.residenceWardCode = facts.residence.wardCode;
      patch.residenceAddress = facts.residence.address;
    }
    if (Object.keys(patch).length > 0) await updatePerson(db, existing.id, { ...patch, updatedAt: ctx.now });
    return { person: { ...existing, ...patch }, known };
  }
  const person = await insertPerson(db, {
    id: ctx.newId(),
    nationalId: facts.nationalId,
    fullName: facts.fullName,
    nameKey: nameKey(facts.fullName),
    dateOfBirth: facts.dateOfBirth,
    sex: facts.sex,
    ethnicity: facts.ethnicity,
    nationality: facts.nationality,
    phone: facts.phone ?? null,
    residenceWardCode: facts.residence?.wardCode ?? null,
    residenceAddress: facts.residence?.address ?? null,
    updatedAt: ctx.now,
  });
  return { person, known: null };
}
