#!/usr/bin/env node
// Starts the simulator from its TypeScript sources with Node's built-in type stripping
// (Node >= 22.18 / 24). The sources import each other with `.ts` extensions and use erasable
// syntax only, so there is no build step.
//
// The package stays CommonJS-typed for Jest, so Node notes that it re-parses the sources as ES
// modules; that note is expected here and would only alarm people reading the log.
process.removeAllListeners('warning');
process.on('warning', warning => {
  if (warning.code !== 'MODULE_TYPELESS_PACKAGE_JSON') {
    process.stderr.write(`${warning.stack ?? warning}\n`);
  }
});
await import('../src/cli.ts');
