/**
 * Names are stored as Unicode NFC and compared on a folded key (domain/facts.md "Phones and names"):
 * both tone placements are equal (`hòa`/`hoà`, `thúy`/`thuý`) and `Ð` (U+00D0, Icelandic eth) typed
 * for `Đ` (U+0110) is read as `Đ`.
 */

/** Normalises a personal name for storage: NFC, eth → Đ, single spaces, trimmed. */
export function normalizeName(input: string): string {
  return input
    .normalize("NFC")
    .replace(/\u00D0/g, "\u0110")
    .replace(/\u00F0/g, "\u0111")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Folds Vietnamese text to a comparison key: lower case, diacritics removed, đ → d.
 * Folding removes the tone mark wherever it was placed, so old and new placements compare equal.
 */
export function foldVietnamese(input: string): string {
  return stripVietnameseMarks(normalizeName(input).toLowerCase());
}

/**
 * Vietnamese without its marks, case kept ("Kính gửi Ông/Bà" → "Kinh gui Ong/Ba"): the form
 * brandname SMS are sent in, so that a message fits the GSM-7 alphabet's 160 characters a segment.
 */
export function stripVietnameseMarks(input: string): string {
  return input.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Comparison key for names: case and spacing ignored, the tone mark kept but moved to the end of
 * its syllable, so `Hòa` and `Hoà` share a key while `Hòa` and `Hoa` (different names) do not.
 */
export function nameKey(input: string): string {
  return normalizeName(input)
    .toLowerCase()
    .split(" ")
    .map((syllable) => {
      const decomposed = syllable.normalize("NFD");
      const tones = decomposed.match(TONE_MARKS)?.join("") ?? "";
      return decomposed.replace(TONE_MARKS, "") + tones;
    })
    .join(" ");
}

/** True when two names are the same name written with different tone placement, case or spacing. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
