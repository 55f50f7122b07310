import type { DerivedPhone } from '../kind';
import TopographyPhone from './TopographyPhone.svelte';

export const topographyPhone: DerivedPhone<'topography'> = { Results: TopographyPhone };
