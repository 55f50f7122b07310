import type { Answer, Slide } from '@ettor/protocol';

const WORDS = [
  'Mod', 'Tillit', 'Nyfikenhet', 'Ledarskap', 'Samarbete', 'Öppenhet', 'Kunskap', 'Tid', 'Resurser', 'Vilja',
  'Förändring', 'Digitalt', 'Ansvar', 'Lärande', 'Dialog', 'Helhetssyn', 'Uthållighet', 'Tydlighet', 'Mål', 'Kultur',
];
const PHRASES = [
  'Vi behöver mer tid för att lära oss nya verktyg',
  'Ledningen måste gå före och visa vägen',
  'Börja smått och dela det som fungerar',
  'Utbildning för alla, inte bara för IT-avdelningen',
  'Fråga medborgarna vad de faktiskt behöver',
];

/** A plausible answer for a question slide, as a person would give it; undefined for a content slide. */
export function answerFor(slide: Slide, phone: number, random = Math.random): { answer: Answer; option: number } | undefined {
  switch (slide.kind) {
    case 'choice': {
      const option = Math.floor(random() * slide.options.length);
      return { answer: { kind: 'choice', optionIds: [slide.options[option]?.id ?? ''] }, option };
    }
    case 'wordcloud': {
      const wanted = 1 + Math.floor(random() * Math.min(3, slide.maxEntries));
      const entries = new Set<string>();
      while (entries.size < wanted) entries.add((WORDS[Math.floor(random() * WORDS.length)] ?? 'Mod').slice(0, slide.maxLength));
      return { answer: { kind: 'wordcloud', entries: [...entries] }, option: -1 };
    }
    case 'open': {
      const text = `${PHRASES[phone % PHRASES.length] ?? ''} (${phone})`.slice(0, slide.maxLength);
      return { answer: { kind: 'open', text }, option: -1 };
    }
    default:
      return undefined;
  }
}
