import { getWard, listWards, type Db } from "@hccd/db";

/** The province's wards by name: registration places, target groups, staff scopes. No personal data. */
export async function wardList(db: Db): Promise<{ code: string; name: string }[]> {
  return (await listWards(db)).map((w) => ({ code: w.code, name: w.name }));
}

/** A ward's name by its code, or the code itself when the ward is not known (an old or mistyped code). */
export async function wardName(db: Db, code: string): Promise<string> {
  return (await getWard(db, code))?.name ?? code;
}
