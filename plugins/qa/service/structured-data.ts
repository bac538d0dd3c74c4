import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { posts, publicPost, users, type Db, type Post, type Thread } from '../../../core/plugins/api.ts';
import { qaScores } from '../schema.ts';

/** Answers listed as suggestedAnswer: the best ones are enough for search engines. */
const SUGGESTED_LIMIT = 10;
const TEXT_LIMIT = 5000;

type Person = { '@type': 'Person'; name: string; url: string };
interface AnswerData {
  '@type': 'Answer';
  text: string;
  dateCreated: string;
  upvoteCount: number;
  url: string;
  author?: Person;
}

/** Plain text of a post's sanitised HTML. */
export function plainText(html: string): string {
  const text = html
    .replace(/<(br|\/p|\/li|\/h\d|\/blockquote|\/pre)[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text;
}

/** JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and line separators escaped so no text can end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** schema.org QAPage for a question: https://developers.google.com/search/docs/appearance/structured-data/qapage */
export async function qaPageData(
  db: Db,
  input: { origin: string; thread: Thread; question: Post; acceptedPostId: number | null; scores: Map<number, number> },
): Promise<Record<string, unknown>> {
  const { origin, thread, question, acceptedPostId, scores } = input;
  const select = {
    post: posts,
    username: users.username,
    displayName: users.displayName,
  };
  const live = and(eq(posts.threadId, thread.id), gt(posts.number, 1), publicPost());
  const [suggested, [counted]] = await Promise.all([
    db
      .select(select)
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .leftJoin(qaScores, eq(qaScores.postId, posts.id))
      .where(live)
      .orderBy(desc(sql`${posts.id} = ${acceptedPostId ?? 0}`), desc(sql`coalesce(${qaScores.score}, 0)`), asc(posts.number))
      .limit(SUGGESTED_LIMIT + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(posts).where(live),
  ]);
  const [questionAuthor] = await db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, question.authorId));
  const person = (p: { username: string; displayName: string } | undefined): Person | undefined =>
    p ? { '@type': 'Person', name: p.displayName, url: `${origin}/u/${encodeURIComponent(p.username)}` } : undefined;
  const answer = (row: (typeof suggested)[number]): AnswerData => ({
    '@type': 'Answer',
    text: plainText(row.post.html),
    dateCreated: row.post.createdAt.toISOString(),
    upvoteCount: scores.get(row.post.id) ?? 0,
    url: `${origin}/p/${row.post.id}`,
    author: person(row),
  });
  const accepted = suggested.find((row) => row.post.id === acceptedPostId);
  const others = suggested.filter((row) => row !== accepted).slice(0, SUGGESTED_LIMIT);
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: thread.title,
      text: plainText(question.html),
      answerCount: Number(counted?.n ?? 0),
      upvoteCount: scores.get(question.id) ?? 0,
      dateCreated: question.createdAt.toISOString(),
      author: person(questionAuthor),
      ...(accepted ? { acceptedAnswer: answer(accepted) } : {}),
      ...(others.length ? { suggestedAnswer: others.map(answer) } : {}),
    },
  };
}
