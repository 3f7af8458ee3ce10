import type { LocalisedText } from "@hccd/shared/client";

/** Words that come with the data (the catalogue's labels) in the language the screen is shown in. */
export function localised(text: LocalisedText, language: string | undefined): string {
  return language?.startsWith("en") ? text.en : text.vi;
}
