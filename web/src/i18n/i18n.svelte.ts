import type { ErrorCode } from '@ettor/protocol';
import type { PresenterCatalogue } from './presenter-sv';
import type { CoreCatalogue, CoreKey } from './sv';

export type Locale = 'sv' | 'en';
/** Every text of the app: the phone's page has only the core ones loaded. */
export type MessageKey = CoreKey | keyof PresenterCatalogue;
/** Which texts a page loads: the phone's page needs none of the presenter's, and a phone's download should stay small. */
export type Scope = 'audience' | 'presenter';

// Each page loads only the language it shows; the other arrives when someone switches.
const coreLoaders: Record<Locale, () => Promise<CoreCatalogue>> = {
  sv: () => import('./sv').then((module) => module.sv),
  en: () => import('./en').then((module) => module.en),
};
const presenterLoaders: Record<Locale, () => Promise<PresenterCatalogue>> = {
  sv: () => import('./presenter-sv').then((module) => module.presenterSv),
  en: () => import('./presenter-en').then((module) => module.presenterEn),
};
// Tests mount presenter components without a page; they get every text.
let scope: Scope = 'presenter';

async function load(locale: Locale): Promise<Partial<Record<MessageKey, string>>> {
  if (scope === 'audience') return coreLoaders[locale]();
  const [core, presenter] = await Promise.all([coreLoaders[locale](), presenterLoaders[locale]()]);
  return { ...core, ...presenter };
}
const STORAGE_KEY = 'ettor.locale';

function initialLocale(): Locale {
  const stored = readStored();
  if (stored === 'sv' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Private modes may forbid storage; the browser language is then good enough.
    return null;
  }
}

const current = $state({ locale: initialLocale() });
let catalogue = $state.raw<Partial<Record<MessageKey, string>> | null>(null);

/** Loads the texts of the starting language that the page shows; call before mounting an app. */
export async function initI18n(pageScope: Scope): Promise<void> {
  scope = pageScope;
  catalogue = await load(current.locale);
  document.documentElement.lang = current.locale;
}

export function locale(): Locale {
  return current.locale;
}

/** The language the person chose (or their browser's), which a page shown in a language of its own returns to. */
let chosen: Locale = current.locale;
let switches = 0;

async function show(next: Locale): Promise<void> {
  const switchNumber = (switches += 1);
  const texts = await load(next);
  // Texts that arrive after those of a later switch would undo it.
  if (switchNumber !== switches) return;
  catalogue = texts;
  current.locale = next;
  document.documentElement.lang = next;
}

export async function setLocale(next: Locale): Promise<void> {
  chosen = next;
  await show(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but still switched for this visit.
  }
}

/**
 * Shows one page in a language of its own, such as the big screen in its deck's, without remembering it as the
 * person's choice; the returned function goes back to their choice when the page is left.
 */
export function useLocaleForPage(pageLocale: Locale): () => void {
  void show(pageLocale);
  return () => void show(chosen);
}

export type Params = Record<string, string | number>;

// A small part of ICU's syntax, `{count, plural, one {# röst} other {# röster}}`, so a count reads right in each language.
const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const FORM = /(\w+) \{((?:[^{}]|\{\w+\})*)\}/g;

/** Translates a key in the current language: plural forms chosen by their number (`#`), then `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: Params): string {
  const template = catalogue?.[key] ?? key;
  if (!params) return template;
  return pluralize(template, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : formatValue(value);
  });
}

function pluralize(template: string, params: Params): string {
  return template.replace(PLURAL, (whole, name: string, forms: string) => {
    const value = params[name];
    if (typeof value !== 'number') return whole;
    const byCategory = new Map([...forms.matchAll(FORM)].map(([, category, form]) => [category, form]));
    const form = byCategory.get(new Intl.PluralRules(current.locale).select(value)) ?? byCategory.get('other') ?? whole;
    return form.replaceAll('#', formatValue(value));
  });
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString(current.locale) : value;
}

const errorKey = (code: ErrorCode): `error.${ErrorCode}` => `error.${code}`;

/** A friendly message for a server error code, in the current language. */
export function errorText(code: ErrorCode): string {
  return t(errorKey(code));
}

export function formatPercent(share: number): string {
  return new Intl.NumberFormat(current.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A measure such as a mean, with a fixed number of decimals in the language's own style (3,4 in Swedish). */
export function formatDecimal(value: number, digits = 1): string {
  return new Intl.NumberFormat(current.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(current.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
}
