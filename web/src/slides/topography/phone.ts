import type { DerivedPhone } from '../kind';
import { Lazy } from '../lazy.svelte';

export const topographyPhone: DerivedPhone<'topography'> = { Results: new Lazy(() => import('./TopographyPhone.svelte')) };
