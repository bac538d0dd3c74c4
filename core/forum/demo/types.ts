import type { CategoryInput } from '../service/category-input.ts';

export interface DemoCategory extends CategoryInput {
  /** Stable key the threads refer to; also the slug. */
  slug: string;
  /** Key of the parent category, for sub-categories. */
  parent?: string;
}

export interface DemoMember {
  username: string;
  displayName: string;
  role?: 'member' | 'moderator' | 'admin';
  locale?: 'en' | 'zh-CN';
}

export interface DemoReply {
  author: string;
  raw: string;
  /** Quote the opening post above this reply. */
  quoteFirst?: boolean;
  /** How many members like this reply. */
  likes?: number;
}

export interface DemoThread {
  category: string;
  author: string;
  title: string;
  raw: string;
  tags?: string[];
  source?: string;
  daysAgo: number;
  pinned?: 'category' | 'global';
  featured?: boolean;
  locked?: boolean;
  /** How many members like the opening post. */
  likes?: number;
  replies?: DemoReply[];
}
