// The points slide's words ("100 poäng": a budget spread over options), in Swedish (the core catalogue); English in the -en module beside it.

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
