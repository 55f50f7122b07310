import type { ResultPresenter } from '../kind';
import WordCloudScreen from './WordCloudScreen.svelte';
import WordCloudSettings from './WordCloudSettings.svelte';
import WordCloudSummary from './WordCloudSummary.svelte';

export const wordCloudPresenter: ResultPresenter<'wordcloud'> = {
  Results: WordCloudScreen,
  Settings: WordCloudSettings,
  Summary: WordCloudSummary,
  Change: null,
};
