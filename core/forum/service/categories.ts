import { and, asc, eq, isNull, max, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/index.ts';
import { isUniqueViolation, parseOrThrow, ValidationError } from '../../http/validation.ts';
import { categories, threads, type Category } from '../schema.ts';
import { invalidateCategories } from './category-cache.ts';
import { categoryInputSchema, type CategoryData, type CategoryInput } from './category-input.ts';
import { slugify } from './slug.ts';

/** A submitted form: every field a string, validated like any other input. */
type FormFields = Record<string, string>;

export async function findCategory(db: DbOrTx, id: number): Promise<Category | undefined> {
  const [row] = await db.select().from(categories).where(eq(categories.id, id)).limit(1);
  return row;
}

/** A category and its parent, read fresh (write paths check permissions against the database, not the cache). */
export async function categoryWithParent(db: DbOrTx, id: number): Promise<{ category: Category; parent: Category | null } | undefined> {
  const category = await findCategory(db, id);
  if (!category) return undefined;
  const parent = category.parentId === null ? null : ((await findCategory(db, category.parentId)) ?? null);
  return { category, parent };
}

export async function createCategory(db: Db, input: CategoryInput | FormFields): Promise<Category> {
  const data = parseOrThrow(categoryInputSchema, input);
  await checkParent(db, data.parentId, null);
  const slug = await chooseSlug(db, data, null);
  const position = await nextPosition(db, data.parentId);
  try {
    const created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(categories)
        .values({ ...data, slug: slug || `tmp-${Date.now()}-${Math.random()}`, position })
        .returning();
      if (slug) return row!;
      // a name with no letters or digits: the id is the slug
      const [renamed] = await tx.update(categories).set({ slug: String(row!.id) }).where(eq(categories.id, row!.id)).returning();
      return renamed!;
    });
    return created;
  } catch (error) {
    if (isUniqueViolation(error, 'categories_slug_idx')) throw new ValidationError({ slug: 'forum.category.slug.taken' });
    throw error;
  } finally {
    invalidateCategories();
  }
}

export async function updateCategory(db: Db, id: number, input: CategoryInput | FormFields): Promise<Category> {
  const existing = await findCategory(db, id);
  if (!existing) throw new ValidationError({ _form: 'forum.category.notFound' });
  const data = parseOrThrow(categoryInputSchema, input);
  await checkParent(db, data.parentId, existing);
  const slug = (await chooseSlug(db, data, existing)) || String(existing.id);
  const position = data.parentId === existing.parentId ? existing.position : await nextPosition(db, data.parentId);
  try {
    const [row] = await db.update(categories).set({ ...data, slug, position }).where(eq(categories.id, id)).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'categories_slug_idx')) throw new ValidationError({ slug: 'forum.category.slug.taken' });
    throw error;
  } finally {
    invalidateCategories();
  }
}

/** Swaps a category with its neighbour among its siblings, renumbering them so positions stay dense. */
export async function moveCategory(db: Db, id: number, direction: 'up' | 'down'): Promise<void> {
  await db.transaction(async (tx) => {
    const category = await findCategory(tx, id);
    if (!category) return;
    const siblings = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(category.parentId === null ? isNull(categories.parentId) : eq(categories.parentId, category.parentId))
      .orderBy(asc(categories.position), asc(categories.id));
    const order = siblings.map((s) => s.id);
    const from = order.indexOf(id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, siblingId] of order.entries()) {
      await tx.update(categories).set({ position }).where(eq(categories.id, siblingId));
    }
  });
  invalidateCategories();
}

/** Only an empty category goes: no sub-categories and no threads (deleted ones included, they still point at it). */
export async function deleteCategory(db: Db, id: number): Promise<void> {
  const [child] = await db.select({ id: categories.id }).from(categories).where(eq(categories.parentId, id)).limit(1);
  const [thread] = await db.select({ id: threads.id }).from(threads).where(eq(threads.categoryId, id)).limit(1);
  if (child || thread) throw new ValidationError({ _form: 'forum.category.notEmpty' });
  await db.delete(categories).where(eq(categories.id, id));
  invalidateCategories();
}

/** One level of sub-categories: the parent must be top-level, and a category with children cannot become one. */
async function checkParent(db: DbOrTx, parentId: number | null, self: Category | null): Promise<void> {
  if (parentId === null) return;
  if (self && parentId === self.id) throw new ValidationError({ parentId: 'forum.category.parent.self' });
  const parent = await findCategory(db, parentId);
  if (!parent) throw new ValidationError({ parentId: 'forum.category.parent.invalid' });
  if (parent.parentId !== null) throw new ValidationError({ parentId: 'forum.category.parent.depth' });
  if (self) {
    const [child] = await db.select({ id: categories.id }).from(categories).where(eq(categories.parentId, self.id)).limit(1);
    if (child) throw new ValidationError({ parentId: 'forum.category.parent.hasChildren' });
  }
}

/** An explicit slug must be free; one generated from the name gets a numeric suffix until it is. */
async function chooseSlug(db: DbOrTx, data: CategoryData, self: Category | null): Promise<string> {
  const explicit = slugify(data.slug);
  if (explicit) {
    if (await slugTaken(db, explicit, self)) throw new ValidationError({ slug: 'forum.category.slug.taken' });
    return explicit;
  }
  const base = slugify(data.name);
  if (!base) return '';
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, candidate, self))) return candidate;
  }
  throw new ValidationError({ slug: 'forum.category.slug.taken' });
}

async function slugTaken(db: DbOrTx, slug: string, self: Category | null): Promise<boolean> {
  const condition = self ? and(eq(categories.slug, slug), ne(categories.id, self.id)) : eq(categories.slug, slug);
  const [row] = await db.select({ id: categories.id }).from(categories).where(condition).limit(1);
  return Boolean(row);
}

async function nextPosition(db: DbOrTx, parentId: number | null): Promise<number> {
  const [row] = await db
    .select({ top: max(categories.position) })
    .from(categories)
    .where(parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parentId));
  return row?.top === null || row?.top === undefined ? 0 : row.top + 1;
}

