/** Mini App screens (owned by mini-app work). */
export const app = {
  title: "Dịch vụ công chủ động",
} as const;
