// Ranking: items put in order, most important first; spread into both catalogues.

export const rankingSv = {
  'kind.ranking': 'Rangordning',

  'ranking.hint':
    'Sätt det viktigaste överst. Välj en plats i sifferrutan, eller flytta ett steg i taget med pilarna. Listan börjar i samma ordning som på bilden.',
  'ranking.untitled': 'Alternativ {n}',
  'ranking.placeOf': 'Plats för {item}',
  'ranking.moveUp': 'Flytta upp {item} till plats {place}',
  'ranking.moveDown': 'Flytta ned {item} till plats {place}',
  'ranking.moved': '{item} är nu på plats {place} av {total}',
  'ranking.error.empty': 'Ordna alternativen innan du svarar.',
  'ranking.error.tooFew': 'Alla {count} alternativ behöver en plats. Ladda om sidan om några saknas i listan.',
  'ranking.error.duplicate': 'Ett alternativ har fått två platser. Ladda om sidan och ordna listan igen.',

  'ranking.item': 'Alternativ',
  'ranking.place': 'Plats {n}',
  'ranking.meanPlace': 'Snittplats',
  'ranking.pointsHeader': 'Poäng',
  'ranking.points': '{count} poäng',
  'ranking.answersHeader': 'Antal svar',
  'ranking.tableCaption': 'Resultat: {question}. Sorterat efter snittplats, där 1 är viktigast.',
  'ranking.key': 'Sorterat efter snittplats, där 1 är viktigast. Poäng: {max} för plats 1, 0 för sista plats.',
  'ranking.waiting': 'Inga svar än',
  'ranking.invite': 'Ordna alternativen i mobilen, det viktigaste först.',
  'ranking.summaryItem': '{position}. {item}',
  'ranking.summaryValue': 'snittplats {mean} · {points} poäng',

  'ranking.items': 'Alternativ att rangordna',
  'ranking.itemsHint': 'Från {min} till {max} alternativ. Deltagarna ser dem i den här ordningen från början och flyttar dem sedan.',

  'ranking.changeCaption': 'Snittplats per alternativ och tillfälle, med förändringen från tillfälle 1',
  'ranking.changeHint':
    'Lägre snittplats är bättre: 1 betyder att alla satte alternativet först. En minskning (▼) betyder att alternativet har hamnat högre upp.',
  'ranking.noPlaces': 'inga svar',
} as const;

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
