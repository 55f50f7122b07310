import type { QuestionPresenter } from '../kind';
import WordCloudScreen from './WordCloudScreen.svelte';
import WordCloudSettings from './WordCloudSettings.svelte';
import WordCloudSummary from './WordCloudSummary.svelte';

export const wordCloudPresenter: QuestionPresenter<'wordcloud'> = {
  Results: WordCloudScreen,
  Settings: WordCloudSettings,
  Summary: WordCloudSummary,
};
