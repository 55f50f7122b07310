import '../styles/fonts.css';
import '../styles/base.css';
import './audience.css';
import { mount } from 'svelte';
import { initI18n } from '../i18n/i18n.svelte';
import AudienceApp from './AudienceApp.svelte';

await initI18n('audience');
mount(AudienceApp, { target: document.getElementById('root')! });
