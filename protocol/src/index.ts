// Plain rules and constants: free of zod, so a page can import them without the schemas.
export * from './version.js';
export * from './error-codes.js';
export * from './limits.js';
export * from './constants.js';
export * from './anonymity.js';
export * from './text.js';
export * from './join-code.js';
export * from './kinds/kind.js';
export * from './kinds/registry.js';
export * from './kinds/content/rules.js';
export * from './kinds/choice/rules.js';
export * from './kinds/wordcloud/rules.js';
export * from './kinds/open/rules.js';
export * from './kinds/scale/rules.js';
export * from './kinds/topography/rules.js';
export * from './routes.js';
// Schemas for every boundary.
export * from './errors.js';
export * from './slides.js';
export * from './live.js';
export * from './http.js';
export * from './deck.js';
export * from './reports.js';
export * from './route-schemas.js';
