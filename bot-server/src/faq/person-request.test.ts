import { describe, expect, it } from "vitest";
import { detectPersonRequest } from "./person-request.js";
import { NOT_PERSON_REQUESTS, PERSON_REQUESTS } from "./person-request-set.js";
import { OFF_TOPIC, ON_TOPIC } from "./labelled-set.js";

describe("the 'wants a person' intent", () => {
  it("recognises every request of its labelled set, with and without accents, teen-code, English, typos", () => {
    const missed = PERSON_REQUESTS.filter((x) => detectPersonRequest(x.q) === null).map((x) => x.q);
    expect(missed).toEqual([]);
  });

  it("knows when the request also says what it is about (the ticket keeps it)", () => {
    const wrong = PERSON_REQUESTS.filter((x) => detectPersonRequest(x.q) !== null && detectPersonRequest(x.q)!.topic !== x.topic).map((x) => `${x.q} (topic: ${x.topic})`);
    expect(wrong).toEqual([]);
  });

  it("leaves to the FAQ the messages that only mention staff, a person or the hotline", () => {
    const taken = NOT_PERSON_REQUESTS.filter((q) => detectPersonRequest(q) !== null);
    expect(taken).toEqual([]);
  });

  it("takes none of the FAQ's labelled questions but those asking for a person, and no off-topic one", () => {
    const wrong = ON_TOPIC.filter((l) => (detectPersonRequest(l.q) !== null) !== (l.expect === "human-handover")).map((l) => `${l.q} (${l.expect})`);
    expect(wrong).toEqual([]);
    expect(OFF_TOPIC.filter((q) => detectPersonRequest(q) !== null)).toEqual([]);
  });

  it.each([
    ["cho e gap nhan vien tu van vs", { topic: false, person: "nhan vien tu van" }],
    ["cho e gặp nhân viên tư vấn vs, e muốn hỏi về hồ sơ khai sinh của con", { topic: true, person: "nhan vien tu van" }],
    ["tổng đài viên", { topic: false, person: "tong dai vien" }],
    ["số tổng đài là gì", null],
    ["cán bộ hộ tịch làm việc mấy giờ", null],
    ["nhân viên y tế có đến nhà tiêm cho bé không", null],
  ])("%s", (q, expected) => {
    expect(detectPersonRequest(q)).toEqual(expected);
  });

  it("never throws on text that names an Object prototype key", () => {
    for (const q of ["constructor", "__proto__", "toString gặp cán bộ", "hasOwnProperty", ""]) expect(() => detectPersonRequest(q)).not.toThrow();
    expect(detectPersonRequest("gặp cán bộ constructor")).toMatchObject({ person: "can bo" });
  });
});
