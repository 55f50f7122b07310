// Ranking: items put in order, most important first; in Swedish (the core catalogue); English in the -en module beside it.

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
