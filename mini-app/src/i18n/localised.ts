import type { LocalisedText } from "@hccd/shared/client";

/** Words that come with the data (the catalogue's labels) in the language the screen is shown in. */
export function localised(text: LocalisedText, language: string | undefined): string {
  return language?.startsWith("en") ? text.en : text.vi;
}

/** "Gia hạn thẻ…" as it reads inside a sentence ("hồ sơ gia hạn thẻ…"); the rest keeps its capitals (names, places). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}
