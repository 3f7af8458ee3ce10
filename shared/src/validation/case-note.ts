/** How much of an officer's note a Zalo notice quotes: a ZNS body holds 400 characters in all (zalo.md). */
export const CASE_NOTE_NOTICE_CHARS = 200;
/** How much of it the Mini App shows. */
export const CASE_NOTE_VIEW_CHARS = 1000;

// Tags from a case system that writes HTML, C0/C1 controls, zero-width and bidirectional marks
// (which can make a note read differently from what it says).
const TAG = /<[^>]{0,500}>/g;
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The case system's note as a citizen is shown it: NFC, no markup, no invisible or control
 * characters, whitespace collapsed to single spaces, at most `max` characters (cut at a word with
 * "…" when longer). Null when nothing readable is left.
 */
export function citizenCaseNote(note: string | null | undefined, max: number): string | null {
  if (!note) return null;
  const text = note.normalize("NFC").replace(TAG, " ").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${atWord.length >= max / 2 ? atWord : cut}…`;
}
