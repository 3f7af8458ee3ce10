import { AGENCIES } from "../agencies.js";
import { partnersOf } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/**
 * Services led by Sở Tư pháp (Department of Justice). Both start from a hospital event and
 * prepare a draft that is sent on only after the responsible person confirms and consents
 * (lead-time rows IV.1, IV.2): the system never files on its own.
 */
export const justiceServices: ServiceEntry[] = [
  {
    key: "birth-registration",
    name: { vi: "Đăng ký khai sinh (chủ động)", en: "Birth registration (proactive)" },
    documentName: { vi: "giấy khai sinh", en: "birth certificate" },
    procedureCodes: ["1.001193"],
    leadAgency: AGENCIES.justice,
    partners: partnersOf("Công an tỉnh, Sở Y tế"),
    level: 2,
    sources: { planRows: [58], leadTimeRows: ["IV.1"] },
    trigger: { kind: "birth" },
    notices: { steps: [] },
    channels: ["oa", "zns", "sms"],
    draft: {
      kind: "birth-registration",
      fields: [
        { path: "child.fullName", label: { vi: "Họ, chữ đệm và tên của trẻ", en: "Child's full name" }, source: "citizen" },
        { path: "child.sex", label: { vi: "Giới tính", en: "Sex" }, source: "hospital" },
        { path: "child.dateOfBirth", label: { vi: "Ngày, tháng, năm sinh", en: "Date of birth" }, source: "hospital" },
        { path: "child.placeOfBirth", label: { vi: "Nơi sinh", en: "Place of birth" }, source: "hospital" },
        { path: "mother.fullName", label: { vi: "Họ và tên mẹ", en: "Mother's full name" }, source: "population-data" },
        { path: "father.fullName", label: { vi: "Họ và tên cha", en: "Father's full name" }, source: "population-data" },
        { path: "registration.ward", label: { vi: "Nơi đăng ký khai sinh", en: "Registration office" }, source: "citizen" },
      ],
    },
  },
  {
    key: "death-registration",
    name: { vi: "Đăng ký khai tử (chủ động)", en: "Death registration (proactive)" },
    documentName: { vi: "trích lục khai tử", en: "death registration extract" },
    procedureCodes: ["1.000656"],
    leadAgency: AGENCIES.justice,
    partners: partnersOf("Công an tỉnh, Sở Y tế"),
    level: 2,
    sources: { planRows: [59], leadTimeRows: ["IV.2"] },
    trigger: { kind: "death" },
    notices: { steps: [] },
    channels: ["oa", "zns", "sms"],
    draft: {
      kind: "death-registration",
      fields: [
        { path: "deceased.fullName", label: { vi: "Họ và tên người đã mất", en: "Full name of the deceased" }, source: "population-data" },
        { path: "deceased.dateOfBirth", label: { vi: "Ngày sinh", en: "Date of birth" }, source: "hospital" },
        { path: "deceased.personalId", label: { vi: "Số định danh cá nhân", en: "Personal ID number" }, source: "population-data" },
        { path: "death.dateTime", label: { vi: "Thời điểm mất", en: "Date and time of death" }, source: "hospital" },
        { path: "death.place", label: { vi: "Nơi mất", en: "Place of death" }, source: "hospital" },
        { path: "death.cause", label: { vi: "Nguyên nhân", en: "Cause of death" }, source: "hospital" },
        { path: "requester.fullName", label: { vi: "Người đi đăng ký khai tử", en: "Person registering" }, source: "citizen", kind: "name" },
        // Who may register a death: spouse, child, parent or another close relative (Luật Hộ tịch 2014 art. 33(1)).
        {
          path: "requester.relationship",
          label: { vi: "Quan hệ với người đã mất", en: "Relationship to the deceased" },
          source: "citizen",
          kind: "select",
          options: [
            { value: "vo-chong", label: { vi: "Vợ hoặc chồng", en: "Spouse" } },
            { value: "con", label: { vi: "Con", en: "Child" } },
            { value: "cha-me", label: { vi: "Cha hoặc mẹ", en: "Parent" } },
            { value: "anh-chi-em", label: { vi: "Anh, chị, em ruột", en: "Brother or sister" } },
            { value: "than-thich-khac", label: { vi: "Người thân thích khác", en: "Other relative" } },
          ],
        },
        // Registered at the ward of the deceased's last residence (Luật Hộ tịch 2014 art. 32).
        { path: "registration.wardCode", label: { vi: "Nơi đăng ký khai tử (UBND phường/xã nơi cư trú cuối cùng của người đã mất)", en: "Registration office (ward of last residence)" }, source: "citizen", kind: "ward" },
      ],
    },
  },
];
