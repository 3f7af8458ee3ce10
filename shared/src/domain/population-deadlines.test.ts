import { describe, expect, it } from "vitest";
import { populationDeadlines, remindsParents } from "./population-deadlines.js";

describe("populationDeadlines (contract 5 records → the deadlines reminders count back from)", () => {
  // Luật Căn cước 26/2023/QH15 art. 21(1): renew at 14, 25, 40, 60; art. 21(2): a card issued in the
  // 2 years before a milestone holds to the next one; issued at 58 or older, for life.
  it.each([
    // dob, issued, derived expiry
    ["2012-06-15", "2020-01-10", "2026-06-15"], // issued at 7: renew at 14
    ["2012-06-15", "2024-07-01", "2037-06-15"], // issued at 12: the 2-year rule carries it to 25
    ["2001-03-10", "2021-05-01", "2026-03-10"], // issued at 20 (contract 5's example): renew at 25
    ["1986-12-20", "2010-02-01", "2026-12-20"], // issued at 23: the 2-year rule carries it to 40
    ["1966-12-20", "2016-01-01", "2026-12-20"], // issued at 49: renew at 60
  ])("an ID card without expiry: born %s, issued %s → renew by %s", (dateOfBirth, issuedOn, dueOn) => {
    expect(populationDeadlines({ dateOfBirth, idCard: { number: "072201001111", issuedOn } })).toEqual([
      { serviceKey: "id-card-renewal", dueOn, documentNo: "072201001111", basis: "derived" },
    ]);
  });

  it("a card issued at 58 or older never expires (art. 21(2)): no deadline", () => {
    expect(populationDeadlines({ dateOfBirth: "1960-01-01", idCard: { number: "072060000001", issuedOn: "2019-06-01" } })).toEqual([]);
  });

  it("the record's own expiry wins over the derived one (population data is the reference, Đề án 06)", () => {
    expect(populationDeadlines({ dateOfBirth: "2001-03-10", idCard: { number: "072201001111", issuedOn: "2021-05-01", expiresOn: "2026-04-01" } })[0]).toMatchObject({ dueOn: "2026-04-01", basis: "record" });
  });

  it("temporary residence ends on its registered term (Luật Cư trú 2020 art. 27(3), 28(3)); household insurance on its card's last day", () => {
    expect(
      populationDeadlines({ dateOfBirth: "1990-01-01", temporaryResidence: { expiresOn: "2026-12-31" }, householdInsurance: { cardNo: "HG4727221234567", expiresOn: "2027-01-31" } }),
    ).toEqual([
      { serviceKey: "temporary-residence", dueOn: "2026-12-31", documentNo: null, basis: "record" },
      { serviceKey: "household-health-insurance", dueOn: "2027-01-31", documentNo: "HG4727221234567", basis: "record" },
    ]);
  });

  it("an absent block is 'not known' (contract 5): no deadline, and a term without an end date gives none", () => {
    expect(populationDeadlines({ dateOfBirth: "1990-01-01" })).toEqual([]);
    expect(populationDeadlines({ dateOfBirth: "1990-01-01", temporaryResidence: {} })).toEqual([]);
  });

  it("a deceased person has no deadline at all", () => {
    expect(populationDeadlines({ dateOfBirth: "1966-12-20", idCard: { number: "072066000001", issuedOn: "2016-01-01" }, householdInsurance: { cardNo: "HG4727221234567", expiresOn: "2027-01-31" }, deceased: true })).toEqual([]);
  });
});

// Bộ luật Dân sự 2015 art. 21 (under 18 is a minor) and art. 136(1) (parents represent minor children).
describe("remindsParents", () => {
  it.each([
    ["2012-06-15", "2026-05-16", true], // the 14th-birthday renewal: a minor, the parent is told
    ["2008-06-15", "2026-06-14", true], // the day before turning 18
    ["2008-06-15", "2026-06-15", false], // 18 that day: told in person
    ["1990-01-01", "2026-12-01", false],
  ])("born %s, notice on %s → to the parents: %s", (dob, on, expected) => {
    expect(remindsParents(dob, on)).toBe(expected);
  });
});
