// Plain rules and constants: free of zod, so a page can import them without the schemas.
export * from './version.js';
export * from './error-codes.js';
export * from './limits.js';
export * from './constants.js';
export * from './text.js';
export * from './join-code.js';
export * from './slide-rules.js';
export * from './answer-rules.js';
// Schemas for every boundary.
export * from './errors.js';
export * from './slides.js';
export * from './answers.js';
export * from './results.js';
export * from './live.js';
export * from './http.js';
export * from './deck.js';
