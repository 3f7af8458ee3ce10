import { describe, expect, it } from "vitest";
import { proposeChildHometown, type ChildHometownProposal } from "./child-hometown.js";

const FATHER = "Thanh Phước, Gò Dầu, Tây Ninh";
const MOTHER = "Lương Hòa, Bến Lức, Long An";

describe("proposeChildHometown", () => {
  // Luật Hộ tịch 60/2014/QH13 art. 4(8): the child's hometown is the father's or the mother's, as
  // the parents agree or by custom, written in the declaration at birth registration.
  it.each<[string, Parameters<typeof proposeChildHometown>[0], ChildHometownProposal]>([
    ["both known and different: the father's, by custom, with the mother's offered", { father: FATHER, mother: MOTHER }, { kind: "father", hometown: FATHER, otherParent: MOTHER }],
    ["both known and different, the parents agreed on the mother's", { father: FATHER, mother: MOTHER, prefer: "mother" }, { kind: "mother", hometown: MOTHER, otherParent: FATHER }],
    ["both the same", { father: FATHER, mother: FATHER }, { kind: "same", hometown: FATHER }],
    ["the same place written with other tone placement, case and spacing", { father: "Phước Hòa,  Tân Uyên", mother: "phước hoà, tân uyên" }, { kind: "same", hometown: "Phước Hòa, Tân Uyên" }],
    ["only the mother's known (no father on the certificate, or his record has none)", { father: null, mother: MOTHER }, { kind: "one_parent", parent: "mother", hometown: MOTHER }],
    ["only the father's known", { father: FATHER, mother: null }, { kind: "one_parent", parent: "father", hometown: FATHER }],
    ["only the father's known, even when the parents would prefer the mother's", { father: FATHER, mother: "  ", prefer: "mother" }, { kind: "one_parent", parent: "father", hometown: FATHER }],
    ["none known", { father: null, mother: null }, { kind: "none" }],
    ["blank values are not known", { father: " ", mother: "" }, { kind: "none" }],
  ])("%s", (_case, input, expected) => {
    expect(proposeChildHometown(input)).toEqual(expected);
  });

  it("stores what it proposes in NFC with single spaces (a decomposed record is recomposed)", () => {
    const decomposed = "Lương Hòa,   Bến Lức".normalize("NFD");
    const p = proposeChildHometown({ father: null, mother: decomposed });
    expect(p).toEqual({ kind: "one_parent", parent: "mother", hometown: "Lương Hòa, Bến Lức" });
    if (p.kind === "one_parent") expect(p.hometown).toBe(p.hometown.normalize("NFC"));
  });
});
