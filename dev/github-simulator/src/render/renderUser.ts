import type { SimUser } from '../model/types.ts';
import { nodeId } from '../random.ts';
import type { RenderContext } from './context.ts';

/** `simple-user` (REST) and `user` (webhooks): the same fields. */
export function renderUser(user: SimUser, ctx: RenderContext) {
  const api = `${ctx.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Organization' ? 'O_' : 'U_', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${ctx.html}/${encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

/** GitHub's account that commits merges made on github.com. */
export const WEB_FLOW_USER: SimUser = {
  login: 'web-flow',
  id: 19_864_447,
  type: 'User',
};
