import { slugify, threadPath, threadSlug } from '../../core/forum/service/slug.ts';

describe('thread slugs', () => {
  it('keep the letters of every script and hyphenate the rest', () => {
    expect(slugify('技术交流：Node.js 入门')).toBe('技术交流-node-js-入门');
    expect(slugify('!!!')).toBe('');
  });

  it('never take a word that is a route under /t/:id/', () => {
    for (const word of ['Reply', 'Moderate', 'move', 'Edit', 'after', 'watch']) {
      expect(threadSlug(word)).toBe(`${word.toLowerCase()}-thread`);
    }
    expect(threadSlug('Moderate the weekend meetup')).toBe('moderate-the-weekend-meetup');
    expect(threadPath({ id: 5, slug: threadSlug('Moderate') })).toBe('/t/5/moderate-thread');
  });
});
