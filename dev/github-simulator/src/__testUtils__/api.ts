/** A raw request to the simulator, as any HTTP client would send it. */
export async function getJson(
  baseUrl: string,
  path: string,
  init: {
    token?: string | null;
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    ...init.headers,
  };
  if (init.token !== null)
    headers.authorization = `token ${init.token ?? 'test-token'}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as any) : undefined,
  };
}
