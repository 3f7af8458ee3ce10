/**
 * One labelled message. `topic`: the message also says what it is about, so the ticket must keep
 * it for the officer. `set: "issue"` are the five messages of issue 13 that got an FAQ answer
 * instead of a person; `set: "holdout"` were written before the classifier existed and committed
 * before it was first run.
 */
export interface PersonRequestExample {
  q: string;
  topic: boolean;
  set: "issue" | "holdout";
}

const issue = (topic: boolean, ...qs: string[]): PersonRequestExample[] => qs.map((q) => ({ q, topic, set: "issue" as const }));
const asks = (topic: boolean, ...qs: string[]): PersonRequestExample[] => qs.map((q) => ({ q, topic, set: "holdout" as const }));

/**
 * The labelled set of the "wants a person" intent (person-request.ts), as citizens type them: here
 * the messages that ask for a person (the bot hands over, the Mini App's FAQ says so); below, those
 * that mention staff, the hotline or a person but ask the FAQ something (or nothing).
 */
export const PERSON_REQUESTS: readonly PersonRequestExample[] = [
  ...issue(false, "cho e gap nhan vien tu van vs", "gặp người thật", "tổng đài viên", "cho tôi nói chuyện với cán bộ"),
  ...issue(true, "cho e gặp nhân viên tư vấn vs, e muốn hỏi về hồ sơ khai sinh của con"),
  // Vietnamese without accents, teen-code and abbreviations.
  ...asks(false, "cho minh gap nv tu van", "a oi cho e noi chuyen vs cb", "can nguoi ho tro truc tiep", "ket noi voi nhan vien giup toi", "chuyen sang nguoi that di", "alo co ai truc ko"),
  ...asks(false, "gap tong dai vien", "nv cskh dau r", "ad oi cho e gap nguoi that", "e muon chat voi can bo phuong", "lien he can bo xa the nao", "co nhan vien nao ho tro ko"),
  ...asks(false, "cho gap nguoi tu van voi", "e can tu van vien", "bot ko hieu, cho e gap ng that"),
  // With accents.
  ...asks(false, "Cho gặp cán bộ hộ tịch", "Tôi muốn được nói chuyện với nhân viên", "có ai ở đó không", "Xin gặp chuyên viên tư vấn", "Nối máy cho tôi với tổng đài viên", "admin ơi"),
  // With what it is about.
  ...asks(true, "tôi cần gặp người tư vấn về thủ tục khai tử cho ba", "cho e gap can bo, ho so khai sinh cua be bi tra ve", "gap nhan vien giup e, bhyt cua me e bi sai ngay sinh"),
  ...asks(true, "I need to speak to someone about my son's birth registration", "nv oi e hoi ve the can cuoc cua ba e bi sai ten"),
  // English and mixed.
  ...asks(false, "can I talk to a human", "agent please", "I need to speak with someone", "connect me to an officer", "real person please", "is there a human I can chat with"),
  ...asks(false, "human", "cho e talk vs human", "help me gap can bo", "customer service please"),
  // Typos.
  ...asks(false, "gap nhan vienn", "gặp cán bọ", "noi chuyen vs nguoi thatt", "cho e gap tu van vienn"),
];

/**
 * Messages that mention staff, a person or the hotline but do not ask for one: the FAQ answers
 * them (or they are something else). Each is decided in person-request.ts.
 */
export const NOT_PERSON_REQUESTS: readonly string[] = [
  // From issue 13: questions that merely mention staff, and the hotline's number.
  "nhân viên y tế có đến nhà tiêm cho bé không",
  "cán bộ hộ tịch làm việc mấy giờ",
  "số tổng đài là gì",
  // The hotline: a number to call is an answer, not a person in this chat.
  "so tong dai ho tro la bao nhieu",
  "gọi tổng đài 1022 có mất phí không",
  "tong dai lam viec may gio",
  "cho xin so dien thoai tong dai",
  // Staff as a subject, an object of a complaint or a rating, or a job.
  "can bo co goi dien cho toi khong",
  "tôi là nhân viên y tế, có phải tiêm không",
  "chung chi nhan vien buc xa sap het han",
  "the huong dan vien het han",
  "muốn phản ánh cán bộ xã làm chậm hồ sơ",
  "danh gia can bo tiep nhan ho so",
  "can bo giai quyet ho so cua toi la ai",
  "nhân viên bưu điện giao giấy khai sinh tận nhà à",
  "cong ty tu van iso 9001 het han giay xac nhan",
  // People who are not staff.
  "nguoi nuoc ngoai lam viec can giay phep gi",
  "người có công nhận tiền tết thế nào",
  "nguoi than mat thi ai di khai tu",
  "bac si gia han chung chi hanh nghe",
  // Asking whether a person is needed, or saying none is.
  "co can gap can bo khong hay lam online duoc",
  "ko can gap can bo dau, e hoi thoi",
  "bot nay co phai nguoi that khong",
  // English that mentions people without asking for one.
  "what are the officers' working hours",
  "talk to me about birth registration",
  "does an officer check my draft before it is sent",
];
