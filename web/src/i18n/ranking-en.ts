// The English texts of ./ranking.ts, in a module of their own: a Swedish phone never downloads them.
import type { rankingSv } from './ranking';

export const rankingEn: Record<keyof typeof rankingSv, string> = {
  'kind.ranking': 'Ranking',

  'ranking.hint':
    'Put the most important at the top. Choose a place in the number box, or move one step at a time with the arrows. The list starts in the same order as on the slide.',
  'ranking.untitled': 'Item {n}',
  'ranking.placeOf': 'Place of {item}',
  'ranking.moveUp': 'Move {item} up to place {place}',
  'ranking.moveDown': 'Move {item} down to place {place}',
  'ranking.moved': '{item} is now in place {place} of {total}',
  'ranking.error.empty': 'Put the items in order before you answer.',
  'ranking.error.tooFew': 'All {count} items need a place. Reload the page if some are missing from the list.',
  'ranking.error.duplicate': 'An item has been given two places. Reload the page and order the list again.',

  'ranking.item': 'Item',
  'ranking.place': 'Place {n}',
  'ranking.meanPlace': 'Mean place',
  'ranking.pointsHeader': 'Points',
  'ranking.points': '{count} points',
  'ranking.answersHeader': 'Answers',
  'ranking.tableCaption': 'Results: {question}. Sorted by mean place, where 1 is most important.',
  'ranking.key': 'Sorted by mean place, where 1 is most important. Points: {max} for place 1, 0 for the last place.',
  'ranking.waiting': 'No answers yet',
  'ranking.invite': 'Put the items in order on your phone, most important first.',
  'ranking.summaryItem': '{position}. {item}',
  'ranking.summaryValue': 'mean place {mean} · {points} points',

  'ranking.items': 'Items to rank',
  'ranking.itemsHint': 'From {min} to {max} items. Participants see them in this order at first and then move them.',

  'ranking.changeCaption': 'Mean place per item and session, with the change from session 1',
  'ranking.changeHint':
    'A lower mean place is better: 1 means everyone put the item first. A decrease (▼) means the item has moved up the ranking.',
  'ranking.noPlaces': 'no answers',
};
