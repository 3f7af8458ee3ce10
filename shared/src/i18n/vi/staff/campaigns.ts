/** The console's campaigns area. */
export const campaigns = {
  title: "Chiến dịch thông tin",
};
