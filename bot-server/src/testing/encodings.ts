import iconv from "iconv-lite";

/**
 * Vietnamese as Excel on a Vietnamese Windows saves "CSV (Comma delimited)": Windows-1258, where a
 * toned letter is its base letter (â, ơ, ư… are single bytes) followed by a combining tone mark
 * (ệ is ê then U+0323). iconv-lite alone would write "?" for every letter 1258 has no byte for.
 */
export function windows1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of text.normalize("NFC")) {
    const d = ch.normalize("NFD");
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(d)?.[0];
    const base = (tone ? d.replace(tone, "") : d).normalize("NFC");
    parts.push(iconv.encode(base, "windows-1258"));
    if (tone) parts.push(iconv.encode(tone, "windows-1258"));
  }
  return Buffer.concat(parts);
}
