import type { RepositoryState } from '../model/RepositoryState.ts';

/** Base URLs of rendered links: API links lead back to the simulator, page links to github.com. */
export interface RenderContext {
  /** e.g. `http://127.0.0.1:4598` (GitHub: `https://api.github.com`). */
  api: string;
  /** e.g. `https://github.com`. */
  html: string;
}

/** GitHub writes instants in UTC without fractions: `2026-05-04T16:12:33Z`. */
export function isoTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function repoApiUrl(ctx: RenderContext, state: RepositoryState) {
  return `${ctx.api}/repos/${state.fullName}`;
}

export function repoHtmlUrl(ctx: RenderContext, state: RepositoryState) {
  return `${ctx.html}/${state.fullName}`;
}
