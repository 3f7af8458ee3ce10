import { describe, expect, it } from "vitest";
import { maskDeep, maskIdentifier, maskPersonalData } from "./masking.js";

describe("maskPersonalData", () => {
  it.each([
    ["id 072195001234 received", "id *********234 received"],
    ["phone 0912345678", "phone *******678"],
    ["phone 84912345678", "phone *******678"],
    ["phone +84 912 345 678", "phone *******678"],
    ["phone 0912.345.678", "phone *******678"],
    // A health insurance card (2 letters, 13 digits: the holder's social insurance number in its last 10).
    ["card HG4727221234567 renewed", "card ************567 renewed"],
    ["thẻ số HN4797912345678.", "thẻ số ************678."],
    // A social insurance number on its own: 10 digits (the last 10 of the card above).
    ["mã số BHXH 7912345678 đã có", "mã số BHXH *******678 đã có"],
    ["bhxh=4727221234", "bhxh=*******234"],
  ])("%s", (input, out) => {
    expect(maskPersonalData(input)).toBe(out);
  });

  it("leaves other numbers alone", () => {
    expect(maskPersonalData("took 1234 ms, status 201, ward 25453")).toBe("took 1234 ms, status 201, ward 25453");
    // Nine or eleven digits are neither a social insurance number nor a phone.
    expect(maskPersonalData("count 123456789, size 12345678901")).toBe("count 123456789, size 12345678901");
  });

  it("leaves longer codes alone (a dossier's receipt number, a hash)", () => {
    expect(maskPersonalData("receipt 000.00.25.H57-261124-0001, ref AB47272212345678")).toBe("receipt 000.00.25.H57-261124-0001, ref AB47272212345678");
  });

  it.each([
    ["072201001111", "*********111"],
    ["HG4727221234567", "************567"],
    ["7212345678", "*******678"],
    ["ab", "**"],
  ])("maskIdentifier(%s): a value known to identify someone, whatever its form, keeps its last 3 characters", (input, out) => {
    expect(maskIdentifier(input)).toBe(out);
    // The same as free text shows it, where free text recognises it.
    if (maskPersonalData(input) !== input) expect(maskPersonalData(input)).toBe(out);
  });

  it("masks nested values and errors", () => {
    const out = maskDeep({ a: { phone: "0912345678", list: ["072195001234"] }, err: new Error("bad 0987654321") }) as Record<string, any>;
    expect(out.a.phone).toBe("*******678");
    expect(out.a.list[0]).toBe("*********234");
    expect(out.err.message).toBe("bad *******321");
  });
});
