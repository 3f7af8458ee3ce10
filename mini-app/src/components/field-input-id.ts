/** The DOM id of a field's control (`child.fullName` → `field-child-fullName`), for labels and focus. */
export function fieldInputId(key: string): string {
  return `field-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
