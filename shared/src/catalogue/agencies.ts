/**
 * Lead agencies as the plan names them (Vietnamese, exactly as in the TSVs, so importers can match
 * an officer's agency) with their usual English names.
 */
export const AGENCIES = {
  health: { vi: "Sở Y tế", en: "Department of Health" },
  police: { vi: "Công an tỉnh", en: "Provincial Police" },
  homeAffairs: { vi: "Sở Nội vụ", en: "Department of Home Affairs" },
  allDepartments: { vi: "Các Sở, ngành tỉnh", en: "Provincial departments and agencies" },
  construction: { vi: "Sở Xây dựng", en: "Department of Construction" },
  socialInsurance: { vi: "BHXH tỉnh", en: "Provincial Social Insurance" },
  cultureTourism: { vi: "Sở Văn hóa, Thể thao và Du lịch", en: "Department of Culture, Sports and Tourism" },
  industryTrade: { vi: "Sở Công Thương", en: "Department of Industry and Trade" },
  agricultureEnvironment: { vi: "Sở Nông nghiệp và Môi trường", en: "Department of Agriculture and Environment" },
  scienceTechnology: { vi: "Sở Khoa học và Công nghệ", en: "Department of Science and Technology" },
  justice: { vi: "Sở Tư pháp", en: "Department of Justice" },
} as const;
