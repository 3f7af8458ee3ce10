/** The console's indicators area. */
export const indicators = {
  title: "Chỉ số",
};
