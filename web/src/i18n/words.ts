// The presenter's hand on a word cloud's words: merging and splitting them in the control view; spread into both catalogues.

export const wordsSv = {
  'words.forms': 'även {forms}',
  'words.merge': 'Slå ihop…',
  'words.mergeLabel': 'Slå ihop ”{word}” med ett annat ord',
  'words.mergeHere': 'Hit',
  'words.mergeHereLabel': 'Hit: räkna ”{word}” som ”{into}”',
  'words.cancel': 'Avbryt',
  'words.choose': 'Välj ordet som ”{word}” ska räknas som, eller Avbryt.',
  'words.split': 'Dela upp',
  'words.splitLabel': 'Dela upp ”{word}” i sina former: {forms}',
} as const;

export const wordsEn: Record<keyof typeof wordsSv, string> = {
  'words.forms': 'also {forms}',
  'words.merge': 'Merge…',
  'words.mergeLabel': 'Merge “{word}” with another word',
  'words.mergeHere': 'Here',
  'words.mergeHereLabel': 'Here: count “{word}” as “{into}”',
  'words.cancel': 'Cancel',
  'words.choose': 'Choose the word “{word}” should count as, or Cancel.',
  'words.split': 'Split',
  'words.splitLabel': 'Split “{word}” into its forms: {forms}',
};
