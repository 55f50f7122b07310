// The English texts of ./topography.ts, in a module of their own: a Swedish phone never downloads them.
import type { topographySv } from './topography';

export const topographyEn: Record<keyof typeof topographySv, string> = {
  'topography.notGiven': 'Not given',
  'topography.all': 'Everyone',
  'topography.tooFew': 'Too few answers',
  'topography.tooFewLower': 'too few answers',
  'topography.noRatings': 'No answers',
  'topography.n': 'n\u00a0=\u00a0{n}',
  'topography.cellText': '{mean} ({n} answers)',
  'topography.mean': 'Mean',
  'topography.threshold': 'Cells with fewer than {k} answers are not shown',
  'topography.waiting': 'Waiting for answers',
  'topography.waitingWhy': 'The map fills in as the audience answers the questions it draws on.',
  'topography.unavailable.not_chosen': 'Choose a question for the rows and a scale question for the columns',
  'topography.unavailable.segment_missing':
    'The question for the rows no longer exists or allows several answers. Choose another question for the rows.',
  'topography.unavailable.scale_missing':
    'The scale question for the columns no longer exists. Choose another scale question for the columns.',
  'topography.whereToChoose': 'You do this in the editor, in the slide’s settings.',
  'topography.caption': 'Mean on the scale 1–{steps} for “{scale}”, split by “{segment}”',
  'topography.group': 'Group',
  'topography.respondents': 'Respondents',
  'topography.respondentsCount': '{count} respondents',
  'topography.thresholdValues': 'Means of fewer than {k} answers are not shown.',
  'topography.scaleHint': 'Mean on the scale 1–{steps}.',
  'topography.scaleHintEnds': 'Mean on the scale 1–{steps}, where 1 is “{min}” and {steps} is “{max}”.',

  'topography.segmentBy': 'Question for the rows',
  'topography.segmentByHint': 'Each option becomes a row, for example a role. Those who did not answer go under “Not given”.',
  'topography.scaleSlide': 'Scale question for the columns',
  'topography.scaleSlideHint': 'Each statement becomes a column, with the mean for each row.',
  'topography.choose': 'Choose…',
  'topography.slideChoice': '{n}. {title}',
  'topography.untitled': 'Question without text',
  'topography.noSegmentQuestions': 'First add a multiple-choice question where people choose one option, for example their role.',
  'topography.noScaleQuestions': 'First add a scale question with statements to rate.',
  'topography.segmentGone': 'The chosen question no longer exists or allows several answers. Choose another.',
  'topography.scaleGone': 'The chosen scale question no longer exists. Choose another.',
};
