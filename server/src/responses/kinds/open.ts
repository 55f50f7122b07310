import type { KindTally } from './kind.js';

interface OpenEntry {
  id: string;
  text: string;
  hidden: boolean;
  updatedAt: string;
}

/** The text wall: one entry per answer id. */
export const openTally: KindTally<'open', Map<string, OpenEntry>, OpenEntry> = {
  empty: () => new Map(),
  shownText: (answer) => answer.text,
  held: ({ id, answer, hidden, updatedAt }) => ({ id, text: answer.text, hidden, updatedAt }),
  add: (entries, entry) => void entries.set(entry.id, entry),
  remove: (entries, entry) => void entries.delete(entry.id),
  results(slide, entries) {
    const wall = [...entries.values()]
      .sort((a, b) => (a.updatedAt === b.updatedAt ? b.id.localeCompare(a.id) : b.updatedAt.localeCompare(a.updatedAt)))
      .map(({ id, text, hidden }) => ({ id, text, hidden }));
    return { kind: 'open', slideId: slide.id, respondents: wall.length, entries: wall };
  },
};
