import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimPullRequest } from '../model/types.ts';
import { nodeId } from '../random.ts';
import {
  type RenderContext,
  isoTime,
  repoApiUrl,
  repoHtmlUrl,
} from './context.ts';
import {
  renderRepository,
  renderWebhookRepository,
} from './renderRepository.ts';
import { renderUser } from './renderUser.ts';

/** `pull-request-simple` (REST lists, e.g. the pull requests of a commit). */
export function renderPullSimple(
  pull: SimPullRequest,
  state: RepositoryState,
  ctx: RenderContext,
  webhook = false,
) {
  const api = repoApiUrl(ctx, state);
  const html = `${repoHtmlUrl(ctx, state)}/pull/${pull.number}`;
  const url = `${api}/pulls/${pull.number}`;
  const issue = `${api}/issues/${pull.number}`;
  const head = pull.commits[pull.commits.length - 1];
  const repository = webhook
    ? renderWebhookRepository(state, ctx)
    : renderRepository(state, ctx);
  const owner = renderUser(state.repository.owner, ctx);
  const side = (ref: string, sha: string) => ({
    label: `${state.repository.owner.login}:${ref}`,
    ref,
    sha,
    user: owner,
    repo: repository,
  });
  return {
    url,
    id: pull.id,
    node_id: nodeId('PR_', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    number: pull.number,
    state: pull.closedAt ? 'closed' : 'open',
    locked: false,
    title: pull.title,
    user: renderUser(pull.user, ctx),
    body: `${pull.title}.`,
    created_at: isoTime(pull.createdAt),
    updated_at: isoTime(pull.updatedAt),
    closed_at: pull.closedAt ? isoTime(pull.closedAt) : null,
    merged_at: pull.mergedAt ? isoTime(pull.mergedAt) : null,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: false,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${api}/statuses/${head}`,
    head: side(pull.headRef, head),
    base: side(pull.baseRef, pull.baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${head}` },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    active_lock_reason: null,
  };
}

/** `pull-request` (REST `GET /pulls/{n}` and the `pull_request` webhook). */
export function renderPull(
  pull: SimPullRequest,
  state: RepositoryState,
  ctx: RenderContext,
  webhook = false,
) {
  const size = parseInt(pull.commits[0].slice(0, 3), 16);
  return {
    ...renderPullSimple(pull, state, ctx, webhook),
    merged: Boolean(pull.mergedAt),
    mergeable: pull.mergedAt ? null : true,
    rebaseable: pull.mergedAt ? null : true,
    mergeable_state: pull.mergedAt ? 'unknown' : 'clean',
    merged_by: pull.mergedBy ? renderUser(pull.mergedBy, ctx) : null,
    comments: size % 5,
    review_comments: size % 7,
    maintainer_can_modify: false,
    commits: pull.commits.length,
    additions: 10 + (size % 400),
    deletions: size % 90,
    changed_files: 1 + (size % 12),
  };
}
