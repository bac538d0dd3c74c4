import { gunzipSync } from 'node:zlib';
import type { User } from '../../../core/accounts/schema.ts';
import { MemberTemplate, renderToString, templateViewContext, type Member } from '../../../core/http/member-pages/template.tsx';
import { MemberPart } from '../../../core/ui/member-parts.tsx';
import type { ViewContext } from '../../../core/ui/view-context.ts';
import { createTranslator } from '../../../core/i18n/index.ts';

const user = (id: number, displayName: string) => ({ id, displayName, username: `u${id}`, role: 'member', status: 'active' }) as unknown as User;

function viewContext(): ViewContext & { user: User } {
  const tr = createTranslator('en');
  return { t: tr.t, tr, locale: 'en', user: user(1, 'First'), csrfToken: 'x', site: {} as ViewContext['site'], path: '/t/1/x', origin: 'http://forum.test', isHtmx: false, asset: (f) => f, unreadNotifications: 0, unreadConversations: 0 };
}

const member = (id: number, name: string, token: string, liked: number[] = []): Member => ({
  user: user(id, name),
  csrfToken: token,
  unreadNotifications: id,
  unreadConversations: 0,
  state: { liked: (postId) => liked.includes(postId) },
});

describe('a page made once for a class of members', () => {
  async function make(renders: { name: number; post: number; key: number }) {
    const vc = templateViewContext(viewContext());
    const posts = [10, 11, 12];
    const page = (
      <main>
        <header>
          <MemberPart vc={vc} perMember variant={(own) => `${own.user?.id}`} render={(own) => (renders.name++, <b>{own.user?.displayName}</b>)} />
          <form><input name="_csrf" value={vc.csrfToken} /></form>
        </header>
        {posts.map((id) => (
          <article>
            <p>Post {id} 帖子</p>
            <MemberPart
              vc={vc}
              variant={(_, state) => String(state.liked(id))}
              render={(own, state) => (renders.post++, <form><input name="_csrf" value={own.csrfToken} /><button aria-pressed={String(state.liked(id))}>like</button></form>)}
            />
          </article>
        ))}
        <MemberPart vc={vc} render={() => (renders.key++, <input name="_submission" value={String(renders.key)} />)} />
      </main>
    );
    const html = await renderToString(page);
    return new MemberTemplate(html, vc, {});
  }

  it('fills each member’s parts and token in, gzipped or plain alike', async () => {
    const renders = { name: 0, post: 0, key: 0 };
    const template = await make(renders);
    const ann = member(2, 'Ann', 'a'.repeat(32), [11]);
    const plain = (await template.fill(ann, { gzip: false })).toString();
    expect(plain).toContain('<b>Ann</b>');
    expect(plain.match(/value="a{32}"/g)).toHaveLength(4);
    expect(plain).toMatch(/Post 11 帖子<\/p><form><input name="_csrf" value="a{32}"\/><button aria-pressed="true">/);
    expect(plain.match(/aria-pressed="false"/g)).toHaveLength(2);
    const gzipped = await template.fill(ann, { gzip: true });
    // gunzip checks the CRC and length the trailer carries
    expect(gunzipSync(gzipped).toString().replace(/_submission" value="\d+"/, '')).toBe(plain.replace(/_submission" value="\d+"/, ''));

    const bob = member(3, 'Bob', 'b'.repeat(32));
    const bobs = gunzipSync(await template.fill(bob, { gzip: true })).toString();
    expect(bobs).toContain('<b>Bob</b>');
    expect(bobs).not.toContain('Ann');
    expect(bobs).not.toContain('a'.repeat(32));
    expect(bobs).not.toContain('aria-pressed="true"');
  });

  it('renders a part once per variant, the submission key every time, and answers at once when nothing is pending', async () => {
    const renders = { name: 0, post: 0, key: 0 };
    const template = await make(renders);
    await template.fill(member(2, 'Ann', 'a'.repeat(32)), { gzip: true });
    expect(renders).toEqual({ name: 1, post: 3, key: 1 }); // each post's part once, for the variant "not liked"
    const again = template.fill(member(2, 'Ann', 'c'.repeat(32)), { gzip: true });
    expect(again).toBeInstanceOf(Buffer);
    expect(gunzipSync(again as Buffer).toString()).toContain('c'.repeat(32));
    template.fill(member(4, 'Dee', 'd'.repeat(32)), { gzip: false });
    // a new member: their name, and a new submission key; the posts' parts are kept
    expect(renders).toEqual({ name: 2, post: 3, key: 3 });
    template.fill(member(5, 'Eve', 'e'.repeat(32), [10]), { gzip: false });
    expect(renders).toEqual({ name: 3, post: 4, key: 4 });
  });

  it('gzips the page whole for a combination of variants beyond those it keeps, and it is still that member’s page', async () => {
    const template = await make({ name: 0, post: 0, key: 0 });
    // three posts liked or not: 8 combinations, each member's page from one of them; then many more
    // members than the run keeps combinations for, in the listing's way (every badge a variant)
    const likeSets = Array.from({ length: 8 }, (_, bits) => [10, 11, 12].filter((_, i) => bits & (1 << i)));
    for (let i = 0; i < 48; i++) {
      const liked = likeSets[i % 8]!;
      const token = String.fromCharCode(97 + (i % 26)).repeat(32);
      const someone = member(100 + i, `Member ${i}`, token, liked);
      const plain = (await template.fill(someone, { gzip: false })).toString();
      const gzipped = gunzipSync(await template.fill(someone, { gzip: true })).toString();
      const withoutKey = (html: string) => html.replace(/_submission" value="\d+"/, '');
      expect(withoutKey(gzipped)).toBe(withoutKey(plain));
      expect(gzipped).toContain(`<b>Member ${i}</b>`);
      expect(gzipped.match(/aria-pressed="true"/g) ?? []).toHaveLength(liked.length);
    }
  });

  it('runs what plugins’ parts load (their preloads) with each member’s view context before their parts render', async () => {
    const vc = templateViewContext(viewContext());
    const loaded = new WeakMap<ViewContext, string>();
    vc.memberParts!.preloadPerMember(async (own) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      loaded.set(own, `card for ${own.user?.displayName}`);
    });
    const html = await renderToString(
      <aside>
        <MemberPart vc={vc} render={(own) => <section>{loaded.get(own) ?? 'not loaded'}</section>} />
      </aside>,
    );
    const template = new MemberTemplate(html, vc, {});
    const filled = template.fill(member(2, 'Ann', 'a'.repeat(32)), { gzip: true });
    expect(filled).toBeInstanceOf(Promise);
    expect(gunzipSync(await filled).toString()).toBe('<aside><section>card for Ann</section></aside>');
    expect((await template.fill(member(3, 'Bob', 'b'.repeat(32)), { gzip: false })).toString()).toBe('<aside><section>card for Bob</section></aside>');
  });
});
