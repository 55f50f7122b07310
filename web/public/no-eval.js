// A classic script, so it runs before the page's modules. The page's CSP allows no eval, so zod must build its parsers
// without `new Function` and must not probe for it either (the CSP reports the probe on every load); zod builds its
// parsers as each schema is made, when the modules load, and takes its settings from this global.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
