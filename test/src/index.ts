/**
 * Shared helpers of the cross-package tests. The tests themselves live in sibling folders by area
 * (config, workflows, terraform, templates, packaging, smoke, e2e); Jest's `roots` points at the
 * whole workspace (see package.json).
 */
export * from './repoRoot';
export * from './consoleErrors';
export * from './fieldTools';
