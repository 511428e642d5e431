/**
 * Lines added and removed in one file of a local change; `binary` files have no line counts.
 * @public
 */
export interface LocalChangeFileStat {
  path: string;
  additions: number;
  deletions: number;
  binary: boolean;
}

/**
 * A change request in a local repository of the embedded default (the local equivalent of a
 * pull request), written by `zeroops:publish:local:change-request`, with its status read from
 * the branches and its diff.
 * @public
 */
export interface LocalChange {
  /** Sequence number within the repository, like a pull request number ("1", "2", …). */
  id: string;
  repository: string;
  title: string;
  description: string;
  /** Who asked for the change: the user's entity ref, or the commit author. */
  author: string;
  /** ISO 8601 time of creation. */
  createdAt: string;
  /** The branch holding the change. */
  branch: string;
  /** The branch the change is meant to be merged into. */
  targetBranch: string;
  /** Commit of the target branch the change was made from. */
  baseCommit: string;
  /** The commit of the change. */
  commit: string;
  /** Files the change adds or modifies, relative to the repository root. */
  changedFiles: string[];
  /**
   * `open` while the branch has commits the target lacks, `merged` once the target contains the
   * branch, `closed` when the branch was deleted unmerged.
   */
  status: 'open' | 'merged' | 'closed';
  /** The diff a merge would bring (open), or the change's own commit (merged, closed). */
  files: LocalChangeFileStat[];
}

/** One local repository and its change requests, newest first. @public */
export interface LocalRepositoryChanges {
  repository: string;
  /** Folder of the repository on the backend's disk, for the review commands. */
  path: string;
  changes: LocalChange[];
}

/**
 * Which local repositories to list: all, one by name, or the one a `file://` URL (an entity's
 * location) points into.
 * @public
 */
export type LocalChangesQuery =
  | { repository: string }
  | { location: string }
  | {};

/** The body of `GET /api/scaffolder/zeroops/local-changes` ({@link LOCAL_CHANGES_ROUTE}). @public */
export interface LocalChangesResponse {
  items: LocalRepositoryChanges[];
}
