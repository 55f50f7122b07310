import '../styles/fonts.css';
import '../styles/base.css';
import '../styles/print.css';
import { mount } from 'svelte';
import { initI18n } from '../i18n/i18n.svelte';
import AppShell from './AppShell.svelte';

// Not a top-level await: one turns off the bundler's merging of the chunks a kind loaded on demand shares with the page.
void initI18n('presenter').then(() => mount(AppShell, { target: document.getElementById('root')! }));
