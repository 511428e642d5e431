import type { Route } from './apiTypes.ts';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const cache = new WeakMap<Route, CompiledRoute>();

/** `{name}` matches one path segment; compare's `{base}...{head}` may contain slashes, like branch names. */
function compile(route: Route): CompiledRoute {
  const cached = cache.get(route);
  if (cached) return cached;
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
      names.push(name);
      if (name === 'base') return '(.+?)';
      return name === 'head' ? '(.+)' : '([^/]+)';
    });
  const compiled = { route, pattern: new RegExp(`^${source}/?$`), names };
  cache.set(route, compiled);
  return compiled;
}

export function matchRoute(
  routes: Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const compiled = compile(route);
    const match = compiled.pattern.exec(pathname);
    if (match) {
      const params: Record<string, string> = {};
      compiled.names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1]);
      });
      return { route, params };
    }
  }
  return undefined;
}
