import '../styles/fonts.css';
import '../styles/base.css';
import '../styles/print.css';
import { mount } from 'svelte';
import { initI18n } from '../i18n/i18n.svelte';
import AppShell from './AppShell.svelte';

await initI18n('presenter');
mount(AppShell, { target: document.getElementById('root')! });
