/** The letter an option goes by on the big screen and the phones (A–F), so the room can tell options apart without colour. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
