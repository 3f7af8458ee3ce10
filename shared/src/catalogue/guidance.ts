import type { GuidanceLine, ServiceEntry, ServiceGuidance } from "./schema.js";
import type { ProcedureGuidance } from "../schemas/guidance.js";

/**
 * Procedure guidance per service: the papers, the fee, where and how to file, how long it takes.
 * Each line names the text it rests on (domain/facts.md, the province's plans), as the FAQ does.
 * What no source says is not guessed: the default lines defer to the receiving agency
 * ("theo hướng dẫn của cơ quan tiếp nhận") and carry `source: null`, so what still needs an
 * official text is listed by a test (`guidance.test.ts`), not hidden in prose.
 */

/** The national public service portal: every procedure is looked up there by its code. */
export const NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn";

const PLAN = "Kế hoạch 920/KH-UBND ngày 05/3/2026 của UBND tỉnh Tây Ninh, Phụ lục";
const PILOT = "Danh mục dịch vụ công trực tuyến chủ động triển khai thí điểm (Phụ lục kế hoạch của UBND tỉnh Tây Ninh, tháng 6/2026)";
const HO_TICH = "Luật Hộ tịch 60/2014/QH13";
const LINKED = "Nghị định 63/2024/NĐ-CP";

const line = (vi: string, en: string, source: string | null): GuidanceLine => ({ vi, en, source });

/** The defaults: what every procedure has, worded so that nothing is asserted the sources do not say. */
function defaults(entry: ServiceEntry): ServiceGuidance {
  const agency = entry.leadAgency;
  return {
    papers: [
      line(
        "Thành phần hồ sơ theo hướng dẫn của cơ quan tiếp nhận; Ông/Bà xem danh sách giấy tờ của thủ tục trên Cổng Dịch vụ công quốc gia.",
        "The papers the receiving agency asks for; see the procedure's list of papers on the National Public Service Portal.",
        null,
      ),
    ],
    fee: line("Phí, lệ phí (nếu có) theo hướng dẫn của cơ quan tiếp nhận.", "Fees, if any, as the receiving agency advises.", null),
    where: [
      line(
        `Nộp trực tuyến trên Cổng Dịch vụ công quốc gia (tìm theo tên hoặc mã thủ tục), hoặc tại ${agency.vi} theo hướng dẫn của cơ quan tiếp nhận.`,
        `File online on the National Public Service Portal (search by the procedure's name or code), or with the ${agency.en} as the receiving agency advises.`,
        null,
      ),
    ],
    duration: line(
      "Thời hạn giải quyết theo quy định của thủ tục; cơ quan tiếp nhận ghi ngày hẹn trả kết quả trên giấy biên nhận.",
      "The processing time set for the procedure; the receiving agency writes the date of the result on the receipt.",
      null,
    ),
  };
}

/** File-by lines from the lead-time appendix. */
const fileBefore = (days: string, daysEn: string, row: string): GuidanceLine =>
  line(`Nộp hồ sơ chậm nhất ${days} trước ngày giấy tờ hết hạn.`, `File at least ${daysEn} before the document expires.`, `${PILOT}, mục ${row}`);

/** Five-year certificates of plan rows 35–37 ("có thời hạn 05 năm"). */
const FIVE_YEARS = (rows: string): GuidanceLine =>
  line("Giấy chứng nhận có thời hạn 05 năm; Ông/Bà làm thủ tục cấp lại trước khi hết hạn.", "The certificate is valid for 5 years; apply for a new one before it expires.", `${PLAN}, mục ${rows}`);

/** What the sources do say, per service (the rest comes from `defaults`). */
const FACTS: Record<string, Partial<ServiceGuidance>> = {
  "birth-registration": {
    papers: [line("Hồ sơ được chuẩn bị sẵn từ giấy chứng sinh điện tử và dữ liệu dân cư; cha mẹ chỉ kiểm tra, bổ sung họ tên của trẻ và nơi đăng ký.", "The dossier is prepared from the electronic birth certificate and population data; the parents check it and add the child's name and where to register.", `${PILOT}, mục IV.1`)],
    fee: line("Miễn lệ phí khi đăng ký khai sinh đúng hạn.", "No fee when the birth is registered on time.", `${HO_TICH}, Điều 11`),
    where: [line("UBND phường/xã do cha mẹ chọn; nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.", "The ward or commune people's committee the parents choose; online on the National Public Service Portal or the VNeID app.", `${HO_TICH}; ${LINKED}`)],
    deadline: line("Trong 60 ngày kể từ ngày sinh.", "Within 60 days of the birth.", `${HO_TICH}, Điều 15 khoản 1`),
  },
  "death-registration": {
    papers: [line("Hồ sơ được chuẩn bị sẵn từ giấy báo tử; người đi đăng ký chỉ xác nhận quan hệ với người đã mất và nơi đăng ký.", "The dossier is prepared from the death notice; the person registering only confirms their relationship and where to register.", `${PILOT}, mục IV.2`)],
    fee: line("Miễn lệ phí khi đăng ký khai tử đúng hạn.", "No fee when the death is registered on time.", `${HO_TICH}, Điều 11`),
    where: [line("UBND phường/xã nơi cư trú cuối cùng của người đã mất; nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.", "The ward of the deceased's last residence; online on the National Public Service Portal or the VNeID app.", `${HO_TICH}; ${LINKED}`)],
    deadline: line("Trong 15 ngày kể từ ngày mất.", "Within 15 days of the death.", `${HO_TICH}, Điều 33 khoản 1`),
  },
  "child-id-card": {
    papers: [line("Hồ sơ được chuẩn bị sẵn từ dữ liệu khai sinh và cư trú của trẻ; cha, mẹ hoặc người giám hộ kiểm tra, chọn nơi làm thủ tục và xác nhận.", "The application is prepared from the child's birth and residence data; a parent or guardian checks it, chooses where to apply and confirms it.", `${PLAN}, mục 2`)],
    deadline: line("Dành cho trẻ em dưới 6 tuổi chưa có thẻ căn cước: làm thủ tục trước ngày trẻ đủ 6 tuổi.", "For children under 6 without an ID card: apply before the child turns 6.", `${PLAN}, mục 2`),
  },
  "id-card-renewal": {
    where: [line("Làm thủ tục cấp đổi tại cơ quan Công an theo hướng dẫn của cơ quan tiếp nhận.", "Apply for the new card with the police, as the receiving agency advises.", null)],
    deadline: line("Thẻ căn cước phải cấp đổi khi công dân đủ 14, 25, 40 và 60 tuổi; thẻ cấp trong vòng 2 năm trước các mốc đó có giá trị đến mốc tiếp theo.", "The ID card is renewed at 14, 25, 40 and 60; a card issued within the 2 years before one of those ages stays valid until the next.", "Luật Căn cước 26/2023/QH15, Điều 21"),
  },
  "temporary-residence": {
    deadline: line("Làm thủ tục gia hạn tạm trú trong thời hạn 15 ngày trước ngày hết thời hạn tạm trú.", "Apply to extend within the 15 days before the temporary residence ends.", "Luật Cư trú 68/2020/QH14, Điều 28"),
  },
  "tour-guide-card": {
    deadline: fileBefore("10 ngày", "10 days", "II.1"),
    duration: line("Thẻ hướng dẫn viên du lịch có thời hạn 05 năm; thời hạn giải quyết theo quy định của thủ tục.", "The tour guide card is valid for 5 years; processing time as set for the procedure.", "Luật Du lịch 2017, Điều 58"),
  },
  "tourist-accommodation-rating": { deadline: fileBefore("45 ngày", "45 days", "II.2") },
  "food-safety-certificate-industry": {
    deadline: line("Nộp hồ sơ cấp lại trước khi giấy chứng nhận hết hạn 06 tháng (giấy có hiệu lực 03 năm).", "File for a new certificate 6 months before it expires (it is valid for 3 years).", `Luật An toàn thực phẩm 55/2010/QH12, Điều 37; ${PILOT}, mục III.1`),
  },
  "food-safety-certificate-health": {
    deadline: line("Giấy chứng nhận có hiệu lực 03 năm; nộp hồ sơ cấp lại trước khi hết hạn 06 tháng.", "The certificate is valid for 3 years; file for a new one 6 months before it expires.", "Luật An toàn thực phẩm 55/2010/QH12, Điều 37"),
  },
  "food-safety-certificate-agriculture": {
    deadline: line("Giấy chứng nhận có hiệu lực 03 năm; nộp hồ sơ cấp lại trước khi hết hạn 06 tháng.", "The certificate is valid for 3 years; file for a new one 6 months before it expires.", "Luật An toàn thực phẩm 55/2010/QH12, Điều 37"),
  },
  "petrol-retail-certificate": {
    deadline: line("Giấy chứng nhận có thời hạn 05 năm; nộp hồ sơ chậm nhất 30 ngày trước ngày hết hiệu lực.", "The certificate is valid for 5 years; file at least 30 days before it expires.", `Nghị định 83/2014/NĐ-CP (sửa đổi, bổ sung); ${PILOT}, mục III.3`),
  },
  "veterinary-practising-certificate": {
    papers: [
      line("Hồ sơ gia hạn được điền sẵn thông tin cá nhân; Ông/Bà bổ sung giấy khám sức khỏe.", "The renewal is prefilled with your details; you add a health certificate.", `${PILOT}, mục VI.2`),
      line("Các giấy tờ khác (nếu có) theo hướng dẫn của cơ quan tiếp nhận.", "Any other papers as the receiving agency advises.", null),
    ],
    deadline: line("Trong thời hạn 30 ngày trước ngày chứng chỉ hết hạn.", "Within the 30 days before the certificate expires.", `Luật Thú y 2015, Điều 109; ${PILOT}, mục VI.2`),
    result: line("Kết quả trả trực tiếp hoặc qua dịch vụ bưu chính công ích.", "The result is handed over in person or sent by the public postal service.", `${PILOT}, mục VI.2`),
  },
  "veterinary-drug-trading-certificate": {
    deadline: line("Trong thời hạn 30 ngày trước ngày giấy chứng nhận hết hạn.", "Within the 30 days before the certificate expires.", `${PILOT}, mục VI.3`),
    result: line("Kết quả trả trực tiếp hoặc qua dịch vụ bưu chính công ích.", "The result is handed over in person or sent by the public postal service.", `${PILOT}, mục VI.3`),
  },
  "radio-frequency-licence": { deadline: fileBefore("30 ngày", "30 days", "V.1") },
  "radiation-work-licence": { deadline: line("Nộp hồ sơ gia hạn chậm nhất 45 ngày trước ngày giấy phép hết hạn.", "File for the renewal at least 45 days before the licence expires.", `Nghị định 142/2020/NĐ-CP, Điều 30; ${PILOT}, mục V.2`) },
  "iso-9001-consulting-certificate": { deadline: fileBefore("30 ngày", "30 days", "V.3") },
  "pesticide-production-certificate": { deadline: FIVE_YEARS("35") },
  "pesticide-trading-certificate": { deadline: FIVE_YEARS("36") },
  "fertiliser-production-certificate": { deadline: FIVE_YEARS("37") },
  "vehicle-inspection": {
    where: [line("Đặt lịch tại trung tâm đăng kiểm và thanh toán trực tuyến; mang xe đến kiểm định theo lịch hẹn.", "Book at an inspection centre and pay online; bring the vehicle at the booked time.", `${PLAN}, mục 5`)],
    deadline: line("Hệ thống nhắc trước 30 ngày khi giấy chứng nhận kiểm định sắp hết hạn.", "You are reminded 30 days before the inspection certificate expires.", `${PLAN}, mục 5`),
  },
  "household-health-insurance": {
    where: [line("Gia hạn bằng cách đóng tiếp bảo hiểm y tế hộ gia đình (trực tuyến hoặc tại đại lý thu) theo hướng dẫn của BHXH.", "Renew by paying the next household health insurance period (online or at a collection agent) as Social Insurance advises.", `${PLAN}, mục 6`)],
    fee: line("Đóng theo kỳ 3, 6 hoặc 12 tháng; mức đóng theo thông báo của BHXH.", "Paid for 3, 6 or 12 months at a time; the amount is as Social Insurance announces.", "Nghị định 146/2018/NĐ-CP, Điều 9 khoản 7 (có thể đã được thay thế: chưa xác nhận)"),
    deadline: line("Nên đóng trước ngày thẻ hết hạn: gián đoạn quá 3 tháng thì thẻ mới chỉ có giá trị sau 30 ngày kể từ ngày đóng.", "Pay before the card expires: after a gap of more than 3 months the new card takes effect only 30 days after payment.", "Luật Bảo hiểm y tế, Điều 16 khoản 3"),
  },
  "land-data-request": {
    papers: [line("Phiếu yêu cầu được điền sẵn thông tin cá nhân; Ông/Bà chỉ kiểm tra, xác nhận và ghi thửa đất cần tra cứu.", "The request is prefilled with your details; you check it and name the land parcel.", `${PILOT}, mục VI.1`)],
    result: line("Kết quả trả trực tiếp hoặc qua dịch vụ bưu chính công ích.", "The result is handed over in person or sent by the public postal service.", `${PILOT}, mục VI.1`),
  },
};

/** The guidance data of a service: its own sourced facts over the deferring defaults. */
export function guidanceData(entry: ServiceEntry): ServiceGuidance {
  return { ...defaults(entry), ...FACTS[entry.key] };
}

/** The keys that carry sourced facts (a test checks each is a catalogue service). */
export const GUIDANCE_FACT_KEYS: readonly string[] = Object.keys(FACTS);

/** A service's guidance as the API, the Mini App and the chat give it (`procedureGuidanceSchema`). */
export function procedureGuidanceOf(entry: ServiceEntry): ProcedureGuidance {
  const g = entry.guidance ?? guidanceData(entry);
  return {
    service: entry.key,
    serviceName: entry.name,
    agency: entry.leadAgency,
    level: entry.level,
    procedureCodes: [...entry.procedureCodes],
    portalUrl: NATIONAL_PORTAL_URL,
    papers: g.papers,
    fee: g.fee,
    where: g.where,
    duration: g.duration,
    deadline: g.deadline ?? null,
    result: g.result ?? null,
  };
}
