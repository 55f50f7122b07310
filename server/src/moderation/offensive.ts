// The offensive-word filter behind a deck's "filter offensive words" setting: an entry it flags (a word-cloud word,
// an open answer, a Q&A question) is held for the presenter and never reaches the big screen on its own; a flagged
// quiz nickname is refused, so its owner picks another. A held entry is not deleted and the presenter can still show
// it, so a false positive costs a click, while a
// missed slur on a projector in a town hall costs a lot: when in doubt this filter flags. It still leaves everyday
// words alone ("beslut", "kanal", "facket", "sätta på datorn"), or presenters learn to ignore what it holds.
//
// Lists and licences
// - English, in every deck (English swearing is common in Swedish rooms too): obscenity's `englishDataset` with its
//   `englishRecommendedTransformers` (obscenity, MIT; the words come from the cuss project, MIT).
// - Swedish, in Swedish decks only ("fan" is the devil in Swedish but a supporter in English): the Swedish list of
//   "List of Dirty, Naughty, Obscene, and Otherwise Bad Words" by the LDNOOBW contributors,
//   https://github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words, licensed CC BY 4.0
//   (https://creativecommons.org/licenses/by/4.0/), read from the `naughty-words` package at load. We change it:
//   some entries are left out, some get inflected forms, and a few slurs are added; each with its reason below.
//
// How a text is checked
// 1. Tricks are undone for both languages: compatibility forms (fullwidth, mathematical and circled letters,
//    ligatures) are folded, invisible characters (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi
//    marks, Hangul fillers, control characters) and combining marks (accents, strikethrough, "zalgo") are dropped,
//    except the ring and diaeresis that make å, ä and ö. Runs of three or more single characters separated by
//    spaces or punctuation ("f u c k", "f.i.t.t.a", "k-u-k") are joined; two-letter words are never joined to
//    their neighbours, so "ska kul" stays two words. A run is also tried with its first character kept apart, for
//    "a f a g" or "i k u k", where the first is a real one-letter word.
// 2. English: obscenity's matcher does the rest (look-alike letters, leetspeak, case, repeated letters). In a
//    Swedish deck, å, ä and ö are letters rather than disguised a and o, so they are hidden from it (as "_", a word
//    character that no English pattern contains), a few English patterns that are everyday Swedish words are
//    dropped, and Swedish words that contain an English pattern are whitelisted.
// 3. Swedish: our own regular expressions on a "skeleton" of the text: lower case, look-alike letters resolved
//    with obscenity's confusables table except that å, ä and ö stay themselves (so "pok" is not "pök" and "rov",
//    prey, is not "röv"), and leetspeak resolved (digits always; @ $ ! + only inside a word, or @ $ at its start,
//    so that "Fan!" keeps its word end). A letter written once in a pattern matches once or three or more times
//    ("fiiittaaa"), not twice: Swedish doubles consonants, and "fan" must not match "fann" (found). A doubled letter
//    matches two or more times, so "olla" does not match the name "Ola" nor "mutta" the verb "muta".
//
// Notable behaviour of obscenity 0.4.6, found while writing this (see offensive.test.ts for the cases):
// - Its `|` word boundary is the ASCII-only `\b`: å, ä and ö count as non-word characters, and its confusables table
//   folds them to a and o before matching; with them "kringgå" (circumvent) matched "nigga", "förgylla" (gild)
//   "orgy", "Åbo" (Turku) "abo" and "äss" (ace) "ass". Hence our own Swedish matcher rather than obscenity patterns.
// - Its duplicate collapsing runs on the text, not the patterns: a pattern with a double letter (its own `|titt`)
//   can never match, and "titt" (a look, "ta en titt") collapses to "tit". Our Swedish patterns take repeats instead.
// - Leetspeak maps "!" to "i", so a word-final "!" breaks a word boundary: "cock!" and "tit!" were not flagged.
//   We turn "!", "|", "(" and "/" at a word's edge into a space first; inside a word ("sh!t") they stay leet.
// - It does not skip characters between letters by default (its skip-non-alphabetic transformer is off for known
//   false negatives, its issues #23 and #46), so "f u c k" and "f\u200Buck" passed: hence step 1.
// - Several patterns have no word boundary and hit everyday Swedish: "beslut" (decision) and "anslutning" contain
//   "slut", "facket" (the union) matches `f[?]ck`, "kanal" (channel) is a pattern itself, "grupporna" (the
//   groups) contains "porn", "avloppssystem" (sewage system) collapses to contain "pssy", "dyker upp" (turns up)
//   contains "dyke", and "sex" is six. See DROPPED_IN_SWEDISH and WHITELISTED_IN_SWEDISH.
// - A whitelisted term is looked for before repeated letters are collapsed, a match after: "trafficking" becomes
//   "traficking", whose "fick" starts at the first f, outside the whitelisted "fick", so it was flagged in every
//   deck. See WHITELISTED_EVERYWHERE.
import { createRequire } from 'node:module';
import type { DeckLanguage } from '@ettor/protocol';
import {
  DataSet,
  type PhraseBuilder,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  pattern,
  resolveConfusablesTransformer,
  type EnglishProfaneWord,
} from 'obscenity';

// ---------------------------------------------------------------------------------------------------------------
// The Swedish list and what we change in it.
//
// Terms are written in a small notation: the word or phrase as written, in lower case with å, ä and ö. Without a
// star it must stand alone as a whole word or phrase ("fan" does not match "fantastisk"). A star at the end lets the
// word go on, for inflections and compounds ("kuk*" matches "kukar", "kuksås"); a star at the start lets it end a
// compound ("*fitt*" matches "snedfitta"). A stem gets a star only when it is clearly offensive and starts (or sits
// inside) no everyday word; the reason each time is the word it would otherwise have caught.
// ---------------------------------------------------------------------------------------------------------------

/** Entries of the Swedish list we do not flag: everyday words in a public-sector talk, or harmless. */
const EXCLUDED: ReadonlyMap<string, string> = new Map([
  ['hård', 'hard: "hård konkurrens", "hårdvara", "hårddisk"'],
  ['sås', 'sauce: "sås och potatis"'],
  ['stake', 'candlestick: "en stake på bordet"'],
  ['tusan', 'a mild minced oath ("tusan också"), heard on children\'s television'],
  ['prutt', 'fart: childish and harmless'],
  ['sätta på', '"switch on" or "put on" ("sätta på datorn", "sätta på kaffe"); the vulgar sense cannot be told apart'],
  ['moona', 'to moon someone: a prank, not an obscenity; "Moona" is also a Finnish given name (quiz nicknames)'],
  ['moonade', 'see "moona"'],
  ['moonar', 'see "moona"'],
  ['moonat', 'see "moona"'],
  // Kept on purpose, though mild or ambiguous: "satan" (a curse as strong as "fan"; a held "Satan" in a religion
  // lesson costs the presenter a click), "mutta" (also Finnish for "but"), "olla", "pitt", "pippa" (also names).
]);

/**
 * How an entry of the list is matched, where a whole word or phrase is not enough: inflections, compounds, and
 * the everyday words a stem must not catch. Entries not named here match as whole words or phrases, so an entry
 * a later version of the list adds is flagged without any change here.
 */
const FORMS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['arsle', ['arsle*']], // arslet; not "*arsl*": "ansvarslös", "försvarslös"
  ['brutta', ['brutta', 'bruttan', 'bruttor', 'bruttorna']], // not "brutt*": "brutto", "bruttolön"
  ['fan', ['fan', 'fanen', 'fanskap*']], // not "fan*": "fantastisk", "fana" (banner), "fans" (supporters)
  ['fitta', ['*fitt*']], // fittor, fittig, snedfitta; no everyday Swedish word contains "fitt" (English: ALLOWED)
  ['helvete', ['helvete*']], // helvetet, helvetes; not "helvet*": "helvetisk" (Swiss), "Helvetica"
  ['jävlar', ['*jävl*', '*jävel*']], // jävla, jävligt, djävlar, idiotjävel; not "jäv*": "jäv", "jävig" (bias)
  ['knulla', ['*knull*']], // knullade, rövknulla
  ['kuk', ['kuk*']], // kukar, kuken, kuksås; not "*kuk*", a compound could end in "-ku" or "-k" (ALLOWED: "kukeliku")
  ['kötthuvud', ['kötthuvud*']],
  ['köttnacke', ['köttnack*']], // köttnackar
  ['mutta', ['mutta', 'muttan', 'muttor', 'muttorna']], // not "mutt*": "mutter" (nut), "muttra"
  ['neger', ['neger*', 'negr*']], // negern, negrer, negerboll (ALLOWED: "negera", to negate)
  ['nigger', ['nigger*', 'niggr*']],
  ['olla', ['olla', 'ollan', 'ollar', 'ollarna']], // not "*olla*": "bollar", "dollar", "Holland"
  ['pippa', ['pippa', 'pippar', 'pippade', 'pippat']], // not "pipp*": "pippi" (birdie), "Pippi Långstrump"
  ['pitt', ['pitt', 'pitten', 'pittar', 'pittarna']], // not "pitt*": "pittoresk"
  ['pök', ['pök', 'pöken', 'pökar', 'pökarna']], // not "*pök*": "spöke" (ghost)
  ['röv', ['röv', 'röven', 'rövens']], // not "röv*": "rövare" (robber), "röva"; nor "*röv*": "pröva"
  ['rövhål', ['rövhål*']],
  ['runka', ['runk*']], // runkar, runkade; not "*runk*": "drunkna" (drown), "trunkera" (ALLOWED: "runkelbeta")
  ['satan', ['satan', 'satans']], // not "satan*": "satanism" is a subject
  ['skäggbiff', ['skäggbiff*']],
  ['subba', ['subba', 'subban', 'subbans', 'subbor', 'subborna', 'subbig*']], // not "subb*": English "subbed"
]);

/** Slurs the Swedish list lacks, added because they are common enough to turn up on a screen. */
const ADDED: readonly (readonly [terms: readonly string[], reason: string])[] = [
  [['hora', 'horan', 'horans', 'horor', 'hororna', 'horunge*'], 'whore; not "hor*": "horisont"'],
  [['blatte*', 'blattar*'], 'ethnic slur'],
  [['svartskall*'], 'ethnic slur'],
];

/** Innocent words a Swedish stem would catch: blanked out of the text before the Swedish terms are matched. */
const ALLOWED: readonly string[] = [
  'kukeliku', // cock-a-doodle-doo
  'kuku', // crazy, childish
  'negera*', // to negate: negerar, negerade
  'negering*', // negation
  'negroni*', // the cocktail
  'runkel*', // runkelbeta, mangel-wurzel
  '*fitted',
  '*fitter*',
  '*fittest',
  '*fitting*', // English words in Swedish answers: outfitter, fitting
  'fittnes*', // a common misspelling of "fitness"
  'brad pitt',
  'fan av', // a supporter: "ett stort fan av öppna data"
  'ett fan',
  'stort fan',
];

// ---------------------------------------------------------------------------------------------------------------
// English in Swedish decks.
// ---------------------------------------------------------------------------------------------------------------

/** English patterns that are everyday Swedish words, not matched in Swedish decks. */
const DROPPED_IN_SWEDISH: ReadonlyMap<EnglishProfaneWord, string> = new Map<EnglishProfaneWord, string>([
  ['sex', 'six: "sex månader"'],
  ['slut', 'end, without a word boundary in the pattern: "beslut" (decision), "anslutning", "slutsats", "avsluta"'],
  ['prick', 'dot, spot: "pricken över i"'],
  ['anal', 'replaced by ANAL_IN_SWEDISH'],
]);

/**
 * Swedish words containing an English pattern: a match inside one of them is ignored in Swedish decks. A
 * whitelisted term is found in the text before repeated letters are collapsed, while a match starts at the first
 * letter of a collapsed run: "trapporna" becomes "traporna", whose "porn" starts at the first p, outside a
 * whitelisted "porna". So a term after a doubled letter names both letters ("pporna").
 */
const WHITELISTED_IN_SWEDISH: readonly string[] = [
  'fack', // compartment, trade union ("facket", "fackförbund", "facklig", "fackla") against f?ck
  'fock', // foresail, against f?ck
  'fukt', // damp ("fuktskador", "fuktig") against |fuk
  'fk', // Försäkringskassan against |fk
  'dekanus', // dean, against "anus"
  'porna', // definite plural of -pa nouns ("lamporna") against "porn"
  'pporna', // the same after a double p ("grupporna", "trapporna")
  'ppssyst', // "avloppssystem" (sewage system) collapses to contain "pssy"
  'assyr', // "assyrisk" against |ass
  'titt', // a look ("ta en titt") collapses to "tit"
  'dyker', // "dyker upp" (turns up) against "dyke"
  'rappe', // "rappet", "rappen" (rapp: brisk) collapse to "rape"
  'fager', // fair; the towns Fagersta and Fagerhult, against |fag
  'fagr', // fagra, fagraste
  'fagott', // bassoon
  'gasm', // "gasmätare", "gasmarknaden", and "-iga" or "-as" before an "sm-" word, against [or]gasm ("orgasm" is longer, so still matched)
  'ngga', // "Ringgatan", and "-ning" before a "ga-" word, against n[i]gga ("nigga" is longer, so still matched)
  'ngger', // the same against n[i]gger
];

/** The same flaw in English: obscenity whitelists "fick" and "rapper", but not "trafficking" and "rapped". */
const WHITELISTED_EVERYWHERE: readonly string[] = ['ffick', 'rapped'];

/**
 * The English "anal" patterns other than the word start (`danal`, `sanal`, `kanal`...) catch "anal" inside a
 * compound, and in Swedish every analysis is a compound: "behovsanalys", "konsekvensanalys", "omvärldsanalys",
 * "riskanalys" (and "kanal" is a channel). In Swedish decks only the word start is kept, with its whitelist.
 */
const ANAL_IN_SWEDISH = (phrase: PhraseBuilder<{ originalWord: EnglishProfaneWord }>) =>
  phrase
    .setMetadata({ originalWord: 'anal' })
    .addPattern(pattern`|anal`)
    .addWhitelistedTerm('analabos')
    .addWhitelistedTerm('analagous')
    .addWhitelistedTerm('analav')
    .addWhitelistedTerm('analy')
    .addWhitelistedTerm('analog')
    .addWhitelistedTerm('analfab'); // "analfabet" (illiterate)

// ---------------------------------------------------------------------------------------------------------------
// Matchers, built once at module load.
// ---------------------------------------------------------------------------------------------------------------

const SWEDISH_LIST = readSwedishList();

const ENGLISH = (() => {
  const { blacklistedTerms, whitelistedTerms } = englishDataset.build();
  return new RegExpMatcher({
    blacklistedTerms,
    whitelistedTerms: [...(whitelistedTerms ?? []), ...WHITELISTED_EVERYWHERE],
    ...englishRecommendedTransformers,
  });
})();

const ENGLISH_IN_SWEDISH = (() => {
  const dataset = new DataSet<{ originalWord: EnglishProfaneWord }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => phrase.metadata !== undefined && DROPPED_IN_SWEDISH.has(phrase.metadata.originalWord))
    .addPhrase(ANAL_IN_SWEDISH);
  const { blacklistedTerms, whitelistedTerms } = dataset.build();
  return new RegExpMatcher({
    blacklistedTerms,
    whitelistedTerms: [...(whitelistedTerms ?? []), ...WHITELISTED_EVERYWHERE, ...WHITELISTED_IN_SWEDISH],
    ...englishRecommendedTransformers,
  });
})();

const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';
const SWEDISH = new RegExp(
  [
    ...SWEDISH_LIST.filter((entry) => !EXCLUDED.has(entry)).flatMap((entry) => FORMS.get(entry) ?? [entry]),
    ...ADDED.flatMap(([terms]) => terms),
  ]
    .map(termSource)
    .join('|'),
  'u',
);
const SWEDISH_ALLOWED = new RegExp(ALLOWED.map(termSource).join('|'), 'gu');

/**
 * Whether a text (an answer, a word, a question, a nickname) contains an offensive word in the deck's language or
 * in English. Pure, no I/O; the matchers are built once at module load.
 */
export function isOffensive(text: string, language: DeckLanguage): boolean {
  const swedish = language === 'sv';
  for (const variant of variants(clean(text))) {
    if (swedish) {
      if (ENGLISH_IN_SWEDISH.hasMatch(variant.replace(/[åäöÅÄÖ]/g, '_'))) return true;
      if (SWEDISH.test(skeleton(variant).replace(SWEDISH_ALLOWED, ' '))) return true;
    } else if (ENGLISH.hasMatch(variant)) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisation.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Format characters (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi marks), and the Hangul
 * fillers and blank braille pattern that pass for invisible letters.
 */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** Control characters: whitespace ones separate words, the others are dropped. */
const CONTROL = /\p{Cc}/gu;
/** Combining marks, except the ring and diaeresis of å, ä and ö (kept as the first group). */
const MARKS = /([aA]\u030A|[aAoO]\u0308)|\p{M}/gu;
/** Leetspeak punctuation at the edge of a word is punctuation: "Fan!", "(kuk)". */
const EDGE_LEET = /(?<![\p{L}\p{N}])[!|(/]+|[!|(/]+(?![\p{L}\p{N}])/gu;

/** The text with its tricks undone, keeping å, ä and ö. */
/** A number standing alone, not touching a letter: "455", "2,6", "72 %". Leetspeak would read it as letters ("455" as "ass"). */
const LONE_NUMBER = /(?<!\p{L})\p{N}+(?:[.,:]\p{N}+)*(?!\p{L})/gu;

function clean(text: string): string {
  return text
    .replace(LONE_NUMBER, ' ')
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .replace(CONTROL, (control) => (/\s/.test(control) ? control : ''))
    .replace(MARKS, (_mark, keep: string | undefined) => keep ?? '')
    .normalize('NFC')
    .replace(EDGE_LEET, ' ');
}

/** What may stand between the letters of a spaced-out word: whitespace and punctuation that is not leetspeak. */
const SEPARATOR = '\\s.,;:\\-_*/\\\\~\'"`´·•…–—()\\[\\]{}<>=^#%&';
/** Three or more single characters, each alone between separators: "f u c k", "k-u-k", "r ö v h å l". */
const SPACED_OUT = new RegExp(`(?<![^${SEPARATOR}])[^${SEPARATOR}](?:[${SEPARATOR}]+[^${SEPARATOR}]){2,}(?![^${SEPARATOR}])`, 'gu');
const SEPARATORS = new RegExp(`[${SEPARATOR}]+`, 'gu');

/** The cleaned text as written, with spaced-out words joined, and joined but for their first letter. */
function variants(text: string): Set<string> {
  const joined = text.replace(SPACED_OUT, (run) => run.replace(SEPARATORS, ''));
  const firstApart = text.replace(SPACED_OUT, (run) => {
    const [first = '', ...rest] = run.replace(SEPARATORS, '');
    return `${first} ${rest.join('')}`;
  });
  return new Set([text, joined, firstApart]);
}

const SWEDISH_LETTERS = new Set(['å', 'ä', 'ö']);
/** Danish and Norwegian spellings of the Swedish letters: "røv" is "röv". */
const NORDIC: ReadonlyMap<string, string> = new Map([
  ['æ', 'ä'],
  ['ø', 'ö'],
]);
const resolveConfusable = resolveConfusablesTransformer().transform;
const LEET: ReadonlyMap<string, string> = new Map([
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
  ['@', 'a'],
  ['$', 's'],
  ['!', 'i'],
  ['+', 't'],
]);
/**
 * Digits anywhere; @ $ ! + inside a word ("fi++a", "j@vla"); @ $ starting one ("$kit"). Elsewhere they are
 * punctuation, and a word next to them keeps its edge ("Fan!"). The confusables table has already made € an e.
 */
const LEET_CHARACTERS = /[013457]|(?<=[\p{L}\p{N}])[@$!+]+(?=[\p{L}\p{N}])|(?<![\p{L}\p{N}])[@$]+(?=\p{L})/gu;

/** The cleaned text in lower case, with look-alike letters and leetspeak resolved but å, ä and ö kept. */
function skeleton(text: string): string {
  let resolved = '';
  for (const character of text.toLowerCase()) {
    const nordic = NORDIC.get(character);
    if (nordic !== undefined) resolved += nordic;
    else if (SWEDISH_LETTERS.has(character)) resolved += character;
    else {
      const code = character.codePointAt(0) ?? 0;
      resolved += String.fromCodePoint(resolveConfusable(code) ?? code);
    }
  }
  return resolved
    .toLowerCase()
    .replace(LEET_CHARACTERS, (run) => Array.from(run, (character) => LEET.get(character) ?? character).join(''));
}

/** A term in the notation above as a regular expression over a skeleton. */
function termSource(term: string): string {
  const openStart = term.startsWith('*');
  const openEnd = term.endsWith('*');
  const core = term.slice(openStart ? 1 : 0, openEnd ? -1 : undefined).toLowerCase();
  let source = openStart ? '' : `(?<!${LETTER_OR_DIGIT})`;
  for (const [run] of core.matchAll(/([\p{L}\p{N}])\1*|[^\p{L}\p{N}]+/gu)) {
    const [first = '', ...more] = run;
    if (!/[\p{L}\p{N}]/u.test(first)) source += `[^\\p{L}\\p{N}]+`;
    else source += more.length === 0 ? `${first}(?:${first}{2,})?` : `${first}{${more.length + 1},}`;
  }
  return source + (openEnd ? '' : `(?!${LETTER_OR_DIGIT})`);
}

/** The Swedish list from the naughty-words package. */
function readSwedishList(): readonly string[] {
  const list: unknown = createRequire(import.meta.url)('naughty-words/sv.json');
  if (!Array.isArray(list) || !list.every((entry): entry is string => typeof entry === 'string')) {
    throw new Error('naughty-words/sv.json is not a list of strings');
  }
  return list.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '');
}
