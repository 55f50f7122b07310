import type { InfoPhone } from '../kind';
import ContentBody from './ContentBody.svelte';

export const contentPhone: InfoPhone<'content'> = { Body: ContentBody };
