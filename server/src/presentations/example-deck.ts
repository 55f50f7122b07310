import { type DeckFile, deckFileSchema } from '@ettor/protocol';
import raw from './example-deck.json' with { type: 'json' };

/** "Hur får vi nollorna att bli ettor?": the talk Ettor was founded on, which every new account starts with. */
export const exampleDeck: DeckFile = deckFileSchema.parse(raw);
