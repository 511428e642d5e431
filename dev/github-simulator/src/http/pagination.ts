import { ApiError } from './apiTypes.ts';

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

export interface Page<T> {
  items: T[];
  /** GitHub's `Link` header, absent when everything fits one page. */
  link?: string;
}

/** `per_page` (default 30, at most 100) and `page` (from 1), read as GitHub reads them. */
export function pageParameters(query: URLSearchParams): {
  perPage: number;
  page: number;
} {
  const perPageText = query.get('per_page');
  const pageText = query.get('page');
  const perPage = perPageText === null ? DEFAULT_PER_PAGE : Number(perPageText);
  const page = pageText === null ? 1 : Number(pageText);
  if (!Number.isInteger(perPage) || !Number.isInteger(page)) {
    throw new ApiError(
      422,
      'Invalid request.\n\nper_page and page must be integers.',
      'https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api',
    );
  }
  return {
    perPage: Math.min(Math.max(perPage, 1), MAX_PER_PAGE),
    page: Math.max(page, 1),
  };
}

/**
 * One page of `items` and the `Link` header GitHub sends with it:
 * `<…page=3>; rel="next", <…page=5>; rel="last"` plus `prev` and `first` after page 1.
 */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  baseUrl: string,
): Page<T> {
  const { perPage, page } = pageParameters(query);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const pageItems = items.slice((page - 1) * perPage, page * perPage);
  if (last === 1 && page === 1) return { items: pageItems };
  const url = (n: number) => {
    const target = new URL(baseUrl);
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(n));
    return `<${target.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${url(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) {
    links.push(`${url(page + 1)}; rel="next"`);
    links.push(`${url(last)}; rel="last"`);
  }
  if (page > 1) links.push(`${url(1)}; rel="first"`);
  return {
    items: pageItems,
    link: links.length ? links.join(', ') : undefined,
  };
}
