import '../styles/fonts.css';
import '../styles/base.css';
import './audience.css';
import { mount } from 'svelte';
import { initI18n } from '../i18n/i18n.svelte';
import AudienceApp from './AudienceApp.svelte';

// Not a top-level await: one turns off the bundler's merging of the chunks a kind loaded on demand shares with the page.
void initI18n('audience').then(() => mount(AudienceApp, { target: document.getElementById('root')! }));
