import type { QuestionPresenter } from '../kind';
import ScaleScreen from './ScaleScreen.svelte';
import ScaleSettings from './ScaleSettings.svelte';
import ScaleSummary from './ScaleSummary.svelte';

export const scalePresenter: QuestionPresenter<'scale'> = { Results: ScaleScreen, Settings: ScaleSettings, Summary: ScaleSummary };
