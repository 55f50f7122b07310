import type { InfoPresenter } from '../kind';
import ContentBody from './ContentBody.svelte';
import ContentSettings from './ContentSettings.svelte';

export const contentPresenter: InfoPresenter<'content'> = { Body: ContentBody, Settings: ContentSettings };
