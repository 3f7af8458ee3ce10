import type { BirthCertificateInput } from "../schemas/birth-certificate.js";

type DeepPartial<T> = { [K in keyof T]?: NonNullable<T[K]> extends object ? DeepPartial<NonNullable<T[K]>> | undefined : T[K] };

function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (!over) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object" ? merge(b, v as never) : v;
  }
  return out as T;
}

/**
 * Contract 1's example certificate, for tests (GOV.UK Notify style factory): pass only what the
 * test is about. `father: undefined` removes the father.
 */
export function makeBirthCertificate(overrides?: DeepPartial<BirthCertificateInput>): BirthCertificateInput {
  const base: BirthCertificateInput = {
    certificateNo: "TN-BVDK-2026-000123",
    issuedAt: "2026-11-20T10:05:00+07:00",
    facility: { code: "72-BVDKTN", name: "Bệnh viện Đa khoa Tây Ninh" },
    child: { sex: "female", bornAt: "2026-11-20T08:30:00+07:00", weightGrams: 3100, plannedName: "Trần Bảo Ngọc", birthType: "single" },
    mother: {
      fullName: "Nguyễn Thị Lan",
      dateOfBirth: "1995-04-12",
      nationalId: "072195001234",
      ethnicity: "Kinh",
      nationality: "VN",
      residence: { wardCode: "25453", address: "Số 12, đường 30/4, Phường Tân Ninh, Tây Ninh" },
      phone: "0912345678",
    },
    father: { fullName: "Trần Văn Minh", dateOfBirth: "1992-09-01", nationalId: "072092004321", ethnicity: "Kinh", nationality: "VN", phone: "0987654321" },
  };
  const merged = merge(base, overrides);
  if (overrides && "father" in overrides && overrides.father === undefined) delete merged.father;
  return merged;
}
