import { describe, expect, it } from "vitest";
import { maskDeep, maskPersonalData } from "./masking.js";

describe("maskPersonalData", () => {
  it.each([
    ["id 072195001234 received", "id *********234 received"],
    ["phone 0912345678", "phone *******678"],
    ["phone 84912345678", "phone *******678"],
    ["phone +84 912 345 678", "phone *******678"],
    ["phone 0912.345.678", "phone *******678"],
  ])("%s", (input, out) => {
    expect(maskPersonalData(input)).toBe(out);
  });

  it("leaves other numbers alone", () => {
    expect(maskPersonalData("took 1234 ms, status 201, ward 25453")).toBe("took 1234 ms, status 201, ward 25453");
  });

  it("masks nested values and errors", () => {
    const out = maskDeep({ a: { phone: "0912345678", list: ["072195001234"] }, err: new Error("bad 0987654321") }) as Record<string, any>;
    expect(out.a.phone).toBe("*******678");
    expect(out.a.list[0]).toBe("*********234");
    expect(out.err.message).toBe("bad *******321");
  });
});
