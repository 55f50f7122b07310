/** Splits a label into at most `maxLines` lines of roughly `perLine` characters, ending in … if cut. */
export function wrapLabel(label: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => clip(l, perLine));
  const kept = lines.slice(0, maxLines).map((l) => clip(l, perLine));
  kept[maxLines - 1] = clip(`${kept[maxLines - 1]} …`, perLine);
  return kept;
}

function clip(line: string, perLine: number): string {
  if (line.length <= perLine) return line;
  // Cut before a character of two UTF-16 units (an emoji), not inside it: half of one shows as a broken glyph.
  const last = line.charCodeAt(perLine - 2);
  const end = last >= 0xd800 && last <= 0xdbff ? perLine - 2 : perLine - 1;
  return `${line.slice(0, end)}…`;
}
