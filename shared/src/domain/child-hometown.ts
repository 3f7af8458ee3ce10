import { nameKey, normalizeName } from "../validation/name.js";

/** A parent of the child, as the birth registration names them. */
export type Parent = "father" | "mother";

/**
 * What the draft proposes as the child's quê quán (hometown), and from whose record.
 * - `father` / `mother`: both parents' hometowns are known and differ; this parent's is proposed
 *   and the other parent's is offered as the alternative.
 * - `same`: both parents have the same hometown.
 * - `one_parent`: only one parent's hometown is known (no father on the certificate, or a record
 *   without one): it is the only lawful value we can propose.
 * - `none`: nothing is known; the parents must write it.
 */
export type ChildHometownProposal =
  | { kind: "father"; hometown: string; otherParent: string }
  | { kind: "mother"; hometown: string; otherParent: string }
  | { kind: "same"; hometown: string }
  | { kind: "one_parent"; parent: Parent; hometown: string }
  | { kind: "none" };

/**
 * Proposes the child's hometown from the parents' hometowns. Luật Hộ tịch 60/2014/QH13 art. 4(8):
 * "Quê quán của cá nhân được xác định theo quê quán của cha hoặc mẹ theo thỏa thuận của cha, mẹ
 * hoặc theo tập quán được ghi trong tờ khai khi đăng ký khai sinh."
 *
 * So the value must be one parent's hometown; which one is the parents' agreement, else custom.
 * When both are known and differ we propose the father's unless told otherwise (`prefer`): it is
 * the prevailing custom in Vietnam (the child usually takes the father's family name and line),
 * and a draft cannot know what the parents agreed. Custom is not the law's first criterion, so the
 * draft shows whose hometown it is and offers the other parent's in one tap. Some communities
 * follow the mother's line: `prefer` is where a known agreement or local custom goes.
 * Places are compared on the folded name key (case, spacing and tone placement ignored) and
 * returned NFC with single spaces.
 */
export function proposeChildHometown(input: { father: string | null; mother: string | null; prefer?: Parent }): ChildHometownProposal {
  const father = known(input.father);
  const mother = known(input.mother);
  if (father && mother) {
    if (nameKey(father) === nameKey(mother)) return { kind: "same", hometown: father };
    return input.prefer === "mother" ? { kind: "mother", hometown: mother, otherParent: father } : { kind: "father", hometown: father, otherParent: mother };
  }
  if (father) return { kind: "one_parent", parent: "father", hometown: father };
  if (mother) return { kind: "one_parent", parent: "mother", hometown: mother };
  return { kind: "none" };
}

function known(value: string | null): string | null {
  if (value === null) return null;
  const v = normalizeName(value);
  return v === "" ? null : v;
}
