import type { SimUser } from '../model/types.ts';

/**
 * The engineers of the simulated organisation. Each works in one UTC offset, so commit dates
 * carry offsets such as `-07:00`, `+05:30` or `+09:00`, as git records them.
 */
export interface Person {
  user: SimUser;
  offsetMinutes: number;
}

function person(
  login: string,
  id: number,
  name: string,
  offsetMinutes: number,
): Person {
  return {
    user: {
      login,
      id,
      type: 'User',
      name,
      email: `${login}@users.noreply.github.com`,
    },
    offsetMinutes,
  };
}

export const ENGINEERS: Person[] = [
  person('amelie-dubois', 51_000_101, 'Amélie Dubois', 120),
  person('jordan-lee', 51_000_102, 'Jordan Lee', -420),
  person('raj-patel', 51_000_103, 'Raj Patel', 330),
  person('sofia-garcia', 51_000_104, 'Sofía García', -180),
  person('kenji-tanaka', 51_000_105, 'Kenji Tanaka', 540),
  person('lena-schmidt', 51_000_106, 'Lena Schmidt', 60),
  person('sam-okafor', 51_000_107, 'Sam Okafor', 60),
  person('maria-silva', 51_000_108, 'Maria Silva', -300),
];

/** The account GITHUB_TOKEN acts as: creator of the workflows' deployments and statuses. */
export const GITHUB_ACTIONS_BOT: SimUser = {
  login: 'github-actions[bot]',
  id: 41_898_282,
  type: 'Bot',
};

/** GitHub's committer of merges made on github.com. */
export const WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' };

/** The reviewers of protected `production` environments. */
export const RELEASE_MANAGERS: SimUser[] = [
  ENGINEERS[0].user,
  ENGINEERS[5].user,
];

/** `2026-05-04T09:12:33-07:00`: the instant written in the person's local time. */
export function localIso(at: Date, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000)
    .toISOString()
    .slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
