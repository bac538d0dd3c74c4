import { getSiteSettings, updateSiteSettings } from '../../core/site/settings.ts';
import { createTestForum } from '../helpers/app.ts';

describe('site settings', () => {
  it('an update changes only the keys it names', async () => {
    const forum = await createTestForum();
    await updateSiteSettings(forum.deps.db, { forumName: 'Kept', timeZone: 'Asia/Shanghai' });
    await updateSiteSettings(forum.deps.db, { restrictTags: true });
    expect(await getSiteSettings(forum.deps.db)).toMatchObject({ forumName: 'Kept', timeZone: 'Asia/Shanghai', restrictTags: true, setupComplete: true });
  });

  it('refuses an invalid value', async () => {
    const forum = await createTestForum();
    await expect(updateSiteSettings(forum.deps.db, { forumName: '' })).rejects.toThrow();
    expect((await getSiteSettings(forum.deps.db)).forumName).toBe('Test Forum');
  });
});
