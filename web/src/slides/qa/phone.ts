import type { QaPhone } from '../kind';
import QaBoard from './QaBoard.svelte';

export const qaPhone: QaPhone = { Board: QaBoard };
