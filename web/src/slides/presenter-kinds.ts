// What the presenter's page (big screen, control view, editor) needs of each kind; the phone's parts are in ./phone-kinds.ts.
import type { ResultKind, ResultSlide, Slide, SlideKind } from '@ettor/protocol';
import { choicePresenter } from './choice/presenter';
import { contentPresenter } from './content/presenter';
import type { InfoKind, InfoPresenter, InfoSlide, PresenterKind, ResultPresenter, Settings } from './kind';
import { openPresenter } from './open/presenter';
import { rankingPresenter } from './ranking/presenter';
import { pointsPresenter } from './points/presenter';
import { gridPresenter } from './grid/presenter';
import { pinPresenter } from './pin/presenter';
import { quizPresenter } from './quiz/presenter';
import { leaderboardPresenter } from './leaderboard/presenter';
import { qaPresenter } from './qa/presenter';
import { scalePresenter } from './scale/presenter';
import { topographyPresenter } from './topography/presenter';
import { wordCloudPresenter } from './wordcloud/presenter';

/** A kind missing here, or missing a part, does not compile. */
export const PRESENTER_KINDS: { readonly [K in SlideKind]: PresenterKind<K> } = {
  content: contentPresenter,
  choice: choicePresenter,
  wordcloud: wordCloudPresenter,
  open: openPresenter,
  scale: scalePresenter,
  ranking: rankingPresenter,
  points: pointsPresenter,
  grid: gridPresenter,
  pin: pinPresenter,
  quiz: quizPresenter,
  leaderboard: leaderboardPresenter,
  qa: qaPresenter,
  topography: topographyPresenter,
};

/** The presenter parts of a slide's own kind, for a slide with results; the registry pairs each kind with its parts, which TypeScript cannot follow through a union. */
export function resultPresenter(slide: ResultSlide): ResultPresenter<ResultKind> {
  return PRESENTER_KINDS[slide.kind] as unknown as ResultPresenter<ResultKind>;
}

export function infoPresenter(slide: InfoSlide): InfoPresenter<InfoKind> {
  return PRESENTER_KINDS[slide.kind];
}

/** The settings form of a slide's own kind. */
export function settingsOf(slide: Slide): Settings<SlideKind> {
  return PRESENTER_KINDS[slide.kind].Settings as unknown as Settings<SlideKind>;
}
