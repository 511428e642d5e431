import { LOCAL_CHANGES_UI_PATH, localChangePath } from './paths';

describe('local changes UI paths', () => {
  it('links one change under the page the frontend mounts, names encoded', () => {
    expect(localChangePath('payments api', '3')).toBe(
      `${LOCAL_CHANGES_UI_PATH}/payments%20api/3`,
    );
  });
});
