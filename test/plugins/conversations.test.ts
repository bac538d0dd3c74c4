import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory, insertThread } from './helpers.ts';

describe('plugin API: conversations', () => {
  it('a plugin starts a private conversation for the member (contact the seller)', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user: seller, client: sellerClient } = await forum.member();
    const { client: buyer } = await forum.member();
    const cat = await insertCategory(forum.deps.db, 'Market');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    const thread = await insertThread(forum.deps.db, cat.id, seller.id, 'Bike for sale');
    const res = await buyer.post(`/plugins/greeter/t/${thread.id}/contact`);
    expect(res.status).toBe(303);
    const url = res.headers.get('location')!;
    expect(url).toMatch(/^\/messages\/\d+$/);
    expect(await (await sellerClient.get(url)).text()).toContain('About your thread');
  });
});

describe('profile actions through the profile slot', () => {
  it('offers "Message" to other signed-in members only', async () => {
    const forum = await createTestForum();
    const { user: alice } = await forum.member({ username: 'alice_p' });
    const { client: bob } = await forum.member();
    expect(await (await bob.get('/u/alice_p')).text()).toContain('/messages/new?to=alice_p');
    expect(await (await forum.client().get('/u/alice_p')).text()).not.toContain('/messages/new');
    void alice;
  });
});
