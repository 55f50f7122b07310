import type { DeckLanguage } from '../constants.js';

/**
 * Filler words a word cloud leaves out: the Snowball project's stop lists (snowballstem.org, BSD), which name
 * function words only. The lists on npm (stopword, stopwords-iso) also list "beslut", "tillsammans", "bra" and
 * "viktigt", real answers in a room; they would vanish from the cloud.
 */
export const STOP_WORDS: { readonly [L in DeckLanguage]: ReadonlySet<string> } = {
  sv: new Set(
    `och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du henne då sin nu
    har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi dem vara vad över än dig kan
    sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev
    oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem
    vilket sitta sådana vart dina vars vårt våra ert era vilkas`.split(/\s+/u),
  ),
  en: new Set(
    `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its
    itself they them their theirs themselves what which who whom this that these those am is are was were be been being
    have has had having do does did doing would should could ought i'm you're he's she's it's we're they're i've you've
    we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't
    hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's
    who's what's here's there's when's where's why's how's a an the and but if or because as until while of at by for with
    about against between into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some such no nor not only own
    same so than too very`.split(/\s+/u),
  ),
};
