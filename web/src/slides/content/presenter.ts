import type { InfoPresenter } from '../kind';
import ContentScreen from './ContentScreen.svelte';
import ContentSettings from './ContentSettings.svelte';

export const contentPresenter: InfoPresenter<'content'> = { Body: ContentScreen, Settings: ContentSettings };
