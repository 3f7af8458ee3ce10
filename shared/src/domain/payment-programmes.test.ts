import { describe, expect, it } from "vitest";
import { beneficiaryAmount, paymentProgramme, PAYMENT_PROGRAMMES, type PaymentProgramme } from "./payment-programmes.js";
import { serviceByKey } from "../catalogue/index.js";

describe("payment programmes", () => {
  // Plan 920 appendix row 3 (seed 000): the Tết allowance is paid from the department's list and its standardised amounts.
  it("the Tết allowance takes each amount from the department's list, and names plan 920 as its basis", () => {
    const tet = paymentProgramme("tet-allowance-meritorious")!;
    expect(tet.legalBasis.vi).toContain("920/KH-UBND");
    expect(beneficiaryAmount(tet, 1_500_000, "2027-01-25")).toEqual({ ok: true, amountVnd: 1_500_000 });
    expect(beneficiaryAmount(tet, undefined, "2027-01-25")).toEqual({ ok: false, reason: "is required" });
  });

  it("every programme delivers a catalogue service", () => {
    for (const p of PAYMENT_PROGRAMMES) expect(serviceByKey(p.serviceKey)?.key).toBe(p.serviceKey);
  });

  const fixed: PaymentProgramme = { ...PAYMENT_PROGRAMMES[0]!, key: "example-fixed", amountRule: { kind: "fixed", amountVnd: 500_000, source: "example", validFrom: "2027-01-01", validTo: "2027-12-31" } };
  it.each([
    [undefined, "2027-02-01", { ok: true, amountVnd: 500_000 }],
    [500_000, "2027-02-01", { ok: true, amountVnd: 500_000 }],
    [600_000, "2027-02-01", { ok: false, reason: "differs from the programme's amount (500000)" }],
    [undefined, "2028-01-01", { ok: false, reason: "has no configured amount on 2028-01-01" }],
  ] as const)("a configured amount (listed %s, paid %s) applies within its dates only", (listed, date, expected) => {
    expect(beneficiaryAmount(fixed, listed, date)).toEqual(expected);
  });
});
