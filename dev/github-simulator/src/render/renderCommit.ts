import { ENGINEERS } from '../history/people.ts';
import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimCommit, SimGitIdentity, SimUser } from '../model/types.ts';
import { nodeId } from '../random.ts';
import {
  type RenderContext,
  isoTime,
  repoApiUrl,
  repoHtmlUrl,
} from './context.ts';
import { WEB_FLOW_USER, renderUser } from './renderUser.ts';

const ACCOUNTS = new Map<string, SimUser>(
  [...ENGINEERS.map(p => p.user), WEB_FLOW_USER].map(u => [u.login, u]),
);

function accountOf(identity: SimGitIdentity, login?: string) {
  if (identity.email === 'noreply@github.com') return WEB_FLOW_USER;
  return login ? ACCOUNTS.get(login) : undefined;
}

/** REST returns commit dates in UTC; git keeps the author's offset (see push webhooks). */
function restIdentity(identity: SimGitIdentity) {
  return {
    name: identity.name,
    email: identity.email,
    date: isoTime(new Date(identity.date)),
  };
}

/** `commit` (REST): `GET /repos/{o}/{r}/commits/{ref}`, compare, pull request commits. */
export function renderCommit(
  commit: SimCommit,
  state: RepositoryState,
  ctx: RenderContext,
  detail = false,
) {
  const api = repoApiUrl(ctx, state);
  const html = repoHtmlUrl(ctx, state);
  const author = accountOf(commit.author, commit.authorLogin);
  const committer = accountOf(commit.committer, commit.authorLogin);
  const rendered = {
    sha: commit.sha,
    node_id: nodeId('C_', commit.sha.slice(0, 20)),
    commit: {
      author: restIdentity(commit.author),
      committer: restIdentity(commit.committer),
      message: commit.message,
      tree: { sha: commit.treeSha, url: `${api}/git/trees/${commit.treeSha}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: {
        verified: commit.committer.email === 'noreply@github.com',
        reason:
          commit.committer.email === 'noreply@github.com'
            ? 'valid'
            : 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    author: author ? renderUser(author, ctx) : null,
    committer: committer ? renderUser(committer, ctx) : null,
    parents: commit.parents.map(sha => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
    })),
  };
  if (!detail) return rendered;
  const changes = 3 + (parseInt(commit.sha.slice(0, 4), 16) % 120);
  return {
    ...rendered,
    stats: { total: changes, additions: changes - 2, deletions: 2 },
    files: [],
  };
}

/** `nullable-simple-commit` (REST) / `commit-simple` (webhooks): a workflow run's head commit. */
export function renderSimpleCommit(commit: SimCommit) {
  return {
    id: commit.sha,
    tree_id: commit.treeSha,
    message: commit.message,
    timestamp: isoTime(new Date(commit.committer.date)),
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

/** A commit of a push webhook: dates keep the author's UTC offset, as git wrote them. */
export function renderPushCommit(
  commit: SimCommit,
  state: RepositoryState,
  ctx: RenderContext,
) {
  const committerLogin =
    commit.committer.email === 'noreply@github.com'
      ? WEB_FLOW_USER.login
      : commit.authorLogin;
  return {
    id: commit.sha,
    tree_id: commit.treeSha,
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: `${repoHtmlUrl(ctx, state)}/commit/${commit.sha}`,
    author: {
      name: commit.author.name,
      email: commit.author.email,
      date: commit.author.date,
      ...(commit.authorLogin ? { username: commit.authorLogin } : {}),
    },
    committer: {
      name: commit.committer.name,
      email: commit.committer.email,
      date: commit.committer.date,
      ...(committerLogin ? { username: committerLogin } : {}),
    },
    added: [],
    removed: [],
    modified: ['src/index.ts'],
  };
}
