// The points slide's words ("100 poäng": a budget spread over options), spread into both catalogues.

export const pointsSv = {
  'kind.points': 'Fördela poäng',

  'points.hint': 'Fördela upp till {budget} poäng mellan alternativen, så många du vill på varje. Du behöver inte använda alla.',
  'points.left': 'Kvar att fördela: {left} av {budget}',
  'points.allGiven': 'Alla {budget} poäng är fördelade',
  'points.over': '{over} poäng för mycket. Ta bort några.',
  'points.unit': 'poäng',
  'points.lessOne': 'Ta bort 1 poäng från {label}',
  'points.moreOne': 'Lägg 1 poäng på {label}',
  'points.lessTen': 'Ta bort 10 poäng från {label}',
  'points.moreTen': 'Lägg 10 poäng på {label}',
  'points.error.empty': 'Ge minst 1 poäng till något av alternativen.',
  'points.error.outOfRange': 'Ett alternativ kan få från 0 till {budget} poäng.',
  'points.error.overBudget': 'Du kan fördela högst {budget} poäng. Ta bort poäng från något alternativ och skicka igen.',

  'points.caption': 'Poäng i snitt per person, av {budget} att fördela',
  'points.mean': 'Snitt {mean} poäng',
  'points.shareOfAll': '{share} av alla poäng',
  'points.waiting': 'Inga poäng fördelade än',
  'points.waitingWhy': 'Fördela dina {budget} poäng på mobilen. Staplarna växer när svaren kommer in.',
  'points.meanHeader': 'Snitt (poäng per person)',
  'points.shareHeader': 'Andel av alla poäng',
  'points.totalHeader': 'Poäng totalt',
  'points.giversHeader': 'Antal som gav poäng',
  'points.summaryValue': 'snitt {mean} · {share}',
  'points.changeCaption': 'Snitt poäng per alternativ och tillfälle, med förändringen från tillfälle 1',
  'points.noMean': 'inga svar',

  'points.budget': 'Poäng att fördela',
  'points.budgetHint': 'Varje deltagare får lika många poäng att fördela: ett heltal från {min} till {max}. Vanligast är 100.',
  'points.budgetInvalid': 'Skriv ett heltal från {min} till {max}. Bilden behåller {budget} poäng tills dess.',
} as const;

export const pointsEn: Record<keyof typeof pointsSv, string> = {
  'kind.points': 'Distribute points',

  'points.hint': 'Spread up to {budget} points over the options, as many as you like on each. You need not use them all.',
  'points.left': 'Left to give: {left} of {budget}',
  'points.allGiven': 'All {budget} points are given out',
  'points.over': '{over} points too many. Take some away.',
  'points.unit': 'points',
  'points.lessOne': 'Take 1 point from {label}',
  'points.moreOne': 'Give 1 point to {label}',
  'points.lessTen': 'Take 10 points from {label}',
  'points.moreTen': 'Give 10 points to {label}',
  'points.error.empty': 'Give at least 1 point to one of the options.',
  'points.error.outOfRange': 'An option can get from 0 to {budget} points.',
  'points.error.overBudget': 'You can give out at most {budget} points. Take points from an option and send again.',

  'points.caption': 'Mean points per person, of {budget} to give',
  'points.mean': 'Mean {mean} points',
  'points.shareOfAll': '{share} of all points',
  'points.waiting': 'No points given yet',
  'points.waitingWhy': 'Give out your {budget} points on your phone. The bars grow as answers come in.',
  'points.meanHeader': 'Mean (points per person)',
  'points.shareHeader': 'Share of all points',
  'points.totalHeader': 'Total points',
  'points.giversHeader': 'People who gave points',
  'points.summaryValue': 'mean {mean} · {share}',
  'points.changeCaption': 'Mean points per option and session, with the change from session 1',
  'points.noMean': 'no answers',

  'points.budget': 'Points to give out',
  'points.budgetHint': 'Each participant gets this many points to spread: a whole number from {min} to {max}. 100 is the usual.',
  'points.budgetInvalid': 'Enter a whole number from {min} to {max}. The slide keeps {budget} points until then.',
};
