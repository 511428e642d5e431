import { delay, http, HttpResponse } from 'msw';
import { ZEROOPS_BASE_URL, errorBody } from './testApp';

/** The backend path of one of an entity's resources ("cost", "dora"), as the client asks for it. */
export function entityResourceUrl(resource: string, name = 'payments-api') {
  return `${ZEROOPS_BASE_URL}/entities/component/default/${name}/${resource}`;
}

/** Answers GET `url` with a Backstage error body, as the backend does on a failure. */
export function answerError(
  url: string,
  status: number,
  name: string,
  message: string,
) {
  return http.get(url, () =>
    HttpResponse.json(errorBody(name, message, status), { status }),
  );
}

/** Never answers GET `url`, which keeps a card in its loading state. */
export function neverAnswer(url: string) {
  return http.get(url, async () => {
    await delay('infinite');
    return HttpResponse.json({});
  });
}
