import { eq } from 'drizzle-orm';
import { categories } from '../../core/forum/schema.ts';
import { createCategory, deleteCategory, moveCategory, updateCategory } from '../../core/forum/service/categories.ts';
import { allCategories } from '../../core/forum/service/category-cache.ts';
import { ValidationError } from '../../core/http/validation.ts';
import { createTestForum } from '../helpers/app.ts';
import { thread } from './helpers.ts';

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

describe('category service', () => {
  it('creates categories with generated, unique slugs (CJK kept, id as fallback)', async () => {
    const forum = await createTestForum();
    const db = forum.deps.db;
    const tech = await createCategory(db, { name: 'Tech Talk', color: '#AABBCC' });
    expect(tech).toMatchObject({ slug: 'tech-talk', color: '#aabbcc', readAccess: 'everyone', startAccess: 'member' });
    expect((await createCategory(db, { name: 'Tech talk!' })).slug).toBe('tech-talk-2');
    expect((await createCategory(db, { name: '技术交流' })).slug).toBe('技术交流');
    const symbols = await createCategory(db, { name: '★★★' });
    expect(symbols.slug).toBe(String(symbols.id));
    expect(await fieldsOf(createCategory(db, { name: 'Other', slug: 'Tech-Talk' }))).toEqual({ slug: 'forum.category.slug.taken' });
  });

  it('validates names, colours and access levels', async () => {
    const forum = await createTestForum();
    const db = forum.deps.db;
    expect(await fieldsOf(createCategory(db, { name: '   ' }))).toHaveProperty('name', 'forum.category.name.required');
    // anything that is not exactly #rrggbb could escape into the generated stylesheet
    for (const color of ['red', '#fff', '#12345g', '#123456; } body { x: y', 'url(x)']) {
      expect(await fieldsOf(createCategory(db, { name: 'C', color }))).toHaveProperty('color', 'forum.category.color.invalid');
    }
    expect(await fieldsOf(createCategory(db, { name: 'C', readAccess: 'nobody' as never }))).toHaveProperty('readAccess');
  });

  it('allows one level of sub-categories only', async () => {
    const forum = await createTestForum();
    const db = forum.deps.db;
    const top = await createCategory(db, { name: 'Top' });
    const sub = await createCategory(db, { name: 'Sub', parentId: String(top.id) as never });
    expect(sub.parentId).toBe(top.id);
    expect(await fieldsOf(createCategory(db, { name: 'Deeper', parentId: sub.id }))).toEqual({ parentId: 'forum.category.parent.depth' });
    expect(await fieldsOf(createCategory(db, { name: 'Orphan', parentId: 9999 }))).toEqual({ parentId: 'forum.category.parent.invalid' });
    expect(await fieldsOf(updateCategory(db, top.id, { name: 'Top', parentId: top.id }))).toEqual({ parentId: 'forum.category.parent.self' });
    const other = await createCategory(db, { name: 'Other' });
    // Top has a child, so it cannot become a sub-category itself
    expect(await fieldsOf(updateCategory(db, top.id, { name: 'Top', parentId: other.id }))).toEqual({
      parentId: 'forum.category.parent.hasChildren',
    });
  });

  it('edits every field, reorders siblings and deletes only empty categories', async () => {
    const forum = await createTestForum();
    const db = forum.deps.db;
    const a = await createCategory(db, { name: 'A' });
    const b = await createCategory(db, { name: 'B' });
    const c = await createCategory(db, { name: 'C' });
    const edited = await updateCategory(db, b.id, {
      name: 'Bee',
      slug: '',
      description: 'About bees',
      color: '#112233',
      parentId: a.id,
      readAccess: 'member',
      startAccess: 'moderator',
      replyAccess: 'member',
    });
    expect(edited).toMatchObject({ name: 'Bee', slug: 'bee', parentId: a.id, readAccess: 'member', startAccess: 'moderator' });

    await moveCategory(db, c.id, 'up');
    const order = (await allCategories(db)).filter((x) => x.parentId === null).map((x) => x.name);
    expect(order).toEqual(['C', 'A']);
    await moveCategory(db, c.id, 'up'); // already first: nothing changes
    expect((await allCategories(db)).filter((x) => x.parentId === null).map((x) => x.name)).toEqual(['C', 'A']);

    expect(await fieldsOf(deleteCategory(db, a.id))).toEqual({ _form: 'forum.category.notEmpty' }); // has a sub-category
    const { user } = await forum.member();
    await thread(forum, user, { categoryId: c.id });
    expect(await fieldsOf(deleteCategory(db, c.id))).toEqual({ _form: 'forum.category.notEmpty' });
    await deleteCategory(db, b.id);
    expect(await db.select().from(categories).where(eq(categories.id, b.id))).toEqual([]);
  });
});

describe('categories.css', () => {
  it('lists every category colour by id, without names', async () => {
    const forum = await createTestForum();
    const secret = await createCategory(forum.deps.db, { name: 'Secret staff room', color: '#123abc', readAccess: 'admin' });
    const res = await forum.client().get('/assets/categories.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/css');
    const css = await res.text();
    expect(css).toContain(`.cat-${secret.id} { --cat-color: #123abc; }`);
    expect(css).not.toContain('Secret');
    expect(css.trim().split('\n').every((line) => /^\.cat-\d+ \{ --cat-color: #[0-9a-f]{6}; \}$/.test(line))).toBe(true);
  });
});
