/**
 * The "my payment notice is wrong" intent, for what a beneficiary told by ZNS or SMS writes (their
 * notice has no button; the ZNS text asks them to write to the OA "if the information is not
 * right"). A message is a report when it says something is wrong ("sai", "chưa đúng", "nhầm",
 * "thiếu") and what is wrong is the notice or the payment ("thông tin", "tiền", "trợ cấp", "tài
 * khoản"…): "đăng ký khai sinh sai tên con" names a mistake about something else and stays an FAQ
 * question. The bot asks this only of a citizen whose verified phone a notice went to.
 */
import { foldedWords } from "./normalize.js";

/** Words and phrases (folded) that say something is wrong. */
const WRONG = ["sai", "chua dung", "khong dung", "nham", "thieu", "chua chinh xac", "khong chinh xac"];
/** Words and phrases (folded) that name the notice or the payment. */
const ABOUT = ["thong tin", "thong bao", "tien", "tro cap", "chi tra", "tai khoan", "ngan hang", "danh sach", "ngay sinh", "qua tet"];

const has = (text: string, phrases: readonly string[]) => phrases.some((p) => ` ${text} `.includes(` ${p} `));

export function detectPaymentMistake(text: string): boolean {
  const folded = foldedWords(text).join(" ");
  return has(folded, WRONG) && has(folded, ABOUT);
}
