// The English texts of ./points.ts, in a module of their own: a Swedish phone never downloads them.
import type { pointsSv } from './points';

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
