import { type DeckFile, type TemplateSummary, deckFileSchema } from '@ettor/protocol';
import decisionMakersEn from './decision-makers.en.json' with { type: 'json' };
import decisionMakersSv from './decision-makers.sv.json' with { type: 'json' };
import digcompEn from './digcomp.en.json' with { type: 'json' };
import digcompSv from './digcomp.sv.json' with { type: 'json' };
import prioritiesEn from './priorities.en.json' with { type: 'json' };
import prioritiesSv from './priorities.sv.json' with { type: 'json' };
import quizEn from './quiz.en.json' with { type: 'json' };
import quizSv from './quiz.sv.json' with { type: 'json' };

/** A ready deck to start a presentation from, in one language. */
export interface Template {
  summary: TemplateSummary;
  deck: DeckFile;
}

interface TemplateSource {
  id: string;
  language: TemplateSummary['language'];
  /** The deck file as read from JSON; parsed below so a bad template stops the server at start, not a presenter later. */
  file: unknown;
  description: string;
  credit: string;
}

// A template's id is its name and its language, so the sv and en versions of one deck sit side by side.
const SOURCES: readonly TemplateSource[] = [
  {
    id: 'decision-makers-sv',
    language: 'sv',
    file: decisionMakersSv,
    description:
      'För tjänstepersoner, chefer och politiker: ordmoln, Digitaliseringskommissionens definition, en självskattning och kompetenstopografier per roll och ålder.',
    credit: 'Digitaliseringskommissionens definition, SOU 2015:28',
  },
  {
    id: 'decision-makers-en',
    language: 'en',
    file: decisionMakersEn,
    description:
      'For civil servants, managers and politicians: a word cloud, the Swedish Digitalisation Commission’s definition, a self-assessment and competence maps by role and age.',
    credit: 'The Swedish Digitalisation Commission’s definition, SOU 2015:28',
  },
  {
    id: 'digcomp-sv',
    language: 'sv',
    file: digcompSv,
    description:
      'En kort självskattning av kunskaper, färdigheter och attityder inom de fem områdena i EU:s ramverk för digital kompetens, med en kompetenstopografi per roll.',
    credit: 'DigComp 2.2, Europeiska kommissionen (JRC), CC BY 4.0',
  },
  {
    id: 'digcomp-en',
    language: 'en',
    file: digcompEn,
    description:
      'A short self-assessment of knowledge, skills and attitudes across the five areas of the EU’s digital competence framework, with a competence map by role.',
    credit: 'DigComp 2.2, European Commission (JRC), CC BY 4.0',
  },
  {
    id: 'priorities-sv',
    language: 'sv',
    file: prioritiesSv,
    description:
      'En workshop om var de digitala satsningarna ska börja: rangordna det viktigaste, fördela 100 poäng, placera åtgärder efter insats och nytta, och samla första steg. Resultaten går att dela upp per roll.',
    credit: 'Ettor',
  },
  {
    id: 'priorities-en',
    language: 'en',
    file: prioritiesEn,
    description:
      'A workshop on where digital investments should start: rank what matters most, spread 100 points, place measures by effort and benefit, and gather first steps. Results can be split by role.',
    credit: 'Ettor',
  },
  {
    id: 'quiz-sv',
    language: 'sv',
    file: quizSv,
    description:
      'Ett kort quiz om digitaliseringen med fyra frågor från föredraget, nedräkning, poäng för snabba rätta svar, smeknamn och en prispall på slutet.',
    credit: 'RegLab-föredraget 2017, Region Västerbotten; Digitaliseringskommissionens definition, SOU 2015:28',
  },
  {
    id: 'quiz-en',
    language: 'en',
    file: quizEn,
    description:
      'A short quiz on digitalisation: four questions from the talk with a countdown, points for quick right answers, nicknames and a podium at the end.',
    credit: 'RegLab talk 2017, Region Västerbotten; the Swedish Digitalisation Commission’s definition, SOU 2015:28',
  },
];

export const templates: readonly Template[] = SOURCES.map(({ id, language, file, description, credit }) => {
  const deck = deckFileSchema.parse(file);
  return { summary: { id, language, title: deck.title, description, slideCount: deck.slides.length, credit }, deck };
});

export const templateSummaries: readonly TemplateSummary[] = templates.map((template) => template.summary);

/** The deck of a template, or undefined for an id there is no template for. */
export function templateDeck(id: string): DeckFile | undefined {
  return templates.find((template) => template.summary.id === id)?.deck;
}
