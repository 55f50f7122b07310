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
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = clip(`${kept[maxLines - 1]} …`, perLine);
  return kept;
}

function clip(line: string, perLine: number): string {
  return line.length <= perLine ? line : `${line.slice(0, perLine - 1)}…`;
}
