// Reactions as the presenter sees them: the switch, the counts and the big screen's text alternative.

export const reactionsPresenterSv = {
  'reactions.on': 'Reaktioner är på',
  'reactions.off': 'Reaktioner är av',
  'reactions.turnOn': 'Slå på reaktioner',
  'reactions.turnOff': 'Stäng av reaktioner',
  'reactions.totals': 'Reaktioner på den här bilden',
  'reactions.none': 'Inga reaktioner på den här bilden än.',
  'reactions.count': '{emoji} {count}',
  'reactions.arrived': 'Publiken reagerade: {list}',
  'report.reactions': 'Reaktioner per bild',
  'report.reactionsSlide': 'Bild',
};

export const reactionsPresenterEn: typeof reactionsPresenterSv = {
  'reactions.on': 'Reactions are on',
  'reactions.off': 'Reactions are off',
  'reactions.turnOn': 'Turn reactions on',
  'reactions.turnOff': 'Turn reactions off',
  'reactions.totals': 'Reactions to this slide',
  'reactions.none': 'No reactions to this slide yet.',
  'reactions.count': '{emoji} {count}',
  'reactions.arrived': 'The audience reacted: {list}',
  'report.reactions': 'Reactions per slide',
  'report.reactionsSlide': 'Slide',
};
