import type { RepositoryState } from '../model/RepositoryState.ts';
import { nodeId } from '../random.ts';
import {
  type RenderContext,
  isoTime,
  repoApiUrl,
  repoHtmlUrl,
} from './context.ts';
import { renderUser } from './renderUser.ts';

/** `minimal-repository` (REST) / `repository-lite` (webhooks): names and URL templates. */
export function renderRepositoryLite(
  state: RepositoryState,
  ctx: RenderContext,
) {
  const r = state.repository;
  const url = repoApiUrl(ctx, state);
  return {
    id: r.id,
    node_id: nodeId('R_', r.id),
    name: r.name,
    full_name: state.fullName,
    private: r.private,
    owner: renderUser(r.owner, ctx),
    html_url: repoHtmlUrl(ctx, state),
    description: r.description,
    fork: false,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
  };
}

function pushedAt(state: RepositoryState): Date {
  const head = state.headOfMainline();
  const date = head ? state.commits.get(head)?.committer.date : undefined;
  return date ? new Date(date) : state.repository.createdAt;
}

/** `repository` (REST, e.g. a pull request's base) and the webhooks' `repository`. */
export function renderRepository(state: RepositoryState, ctx: RenderContext) {
  const r = state.repository;
  const html = repoHtmlUrl(ctx, state);
  return {
    ...renderRepositoryLite(state, ctx),
    created_at: isoTime(r.createdAt),
    updated_at: isoTime(pushedAt(state)),
    pushed_at: isoTime(pushedAt(state)),
    git_url: `git://github.com/${state.fullName}.git`,
    ssh_url: `git@github.com:${state.fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 2048 + state.commits.size,
    stargazers_count: 0,
    watchers_count: 0,
    language: r.language,
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: false,
    is_template: false,
    web_commit_signoff_required: false,
    topics: ['zeroops'],
    visibility: r.private ? 'private' : 'public',
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: r.defaultBranch,
  };
}

/** `full-repository`: `GET /repos/{owner}/{repo}`. */
export function renderFullRepository(
  state: RepositoryState,
  ctx: RenderContext,
) {
  return {
    ...renderRepository(state, ctx),
    permissions: {
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    },
    network_count: 0,
    subscribers_count: 4,
    organization:
      state.repository.owner.type === 'Organization'
        ? renderUser(state.repository.owner, ctx)
        : null,
  };
}

/** Webhooks add `custom_properties` to the repository. */
export function renderWebhookRepository(
  state: RepositoryState,
  ctx: RenderContext,
) {
  return { ...renderRepository(state, ctx), custom_properties: {} };
}
