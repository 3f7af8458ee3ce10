import { afterEach, describe, expect, it } from "vitest";
import { faqAnswerSchema, faqAskResponseSchema } from "@hccd/shared";
import { createTestWorld, readJson, type TestWorld } from "../testing/world.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const ask = async (question: string) => {
  const res = await w.call("POST", "/api/faq/ask", { body: { question, source: "mini_app" } });
  expect(res.status).toBe(200);
  return readJson<Record<string, unknown>>(res);
};

describe("POST /api/faq/ask", () => {
  it("says when the question asks for a person, and does not answer it from the FAQ", async () => {
    w = await createTestWorld();
    const person = await ask("cho e gap nhan vien tu van vs");
    expect(person).toMatchObject({ answered: false, asksForPerson: true });
    const faq = await ask("số tổng đài là gì");
    expect(faq).toMatchObject({ answered: true, asksForPerson: false });
    expect(faqAskResponseSchema.parse(faq).matches[0]!.id).toBe("hotline-1022");
  });

  it("keeps the stable shape {answered, matches:[{id, question, answer, score}]} with one added field", async () => {
    w = await createTestWorld();
    for (const q of ["gặp người thật", "lam giay khai sinh can gi", "giá vàng hôm nay"]) {
      const body = await ask(q);
      expect(Object.keys(body).sort()).toEqual(["answered", "asksForPerson", "matches"]);
      // A client that knows only the old shape still reads it.
      const old = faqAnswerSchema.strict().parse({ answered: body.answered, matches: body.matches });
      for (const m of old.matches) expect(Object.keys(m).sort()).toEqual(["answer", "id", "question", "score"]);
    }
    const doc = await readJson<{ paths: Record<string, { post: { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> } }> }>(await w.call("GET", "/openapi.json"));
    expect(Object.keys(doc.paths["/api/faq/ask"]!.post.responses["200"]!.content["application/json"]!.schema.properties)).toEqual(["answered", "matches", "asksForPerson"]);
  });
});
