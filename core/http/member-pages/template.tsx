import { randomBytes } from 'node:crypto';
import type { Child } from 'hono/jsx';
import { HtmlEscapedCallbackPhase, resolveCallback, type HtmlEscapedString } from 'hono/utils/html';
import { generateToken } from '../../accounts/service/tokens.ts';
import type { User } from '../../accounts/schema.ts';
import { MemberPartRecorder, type MemberPartSpec, type MemberState } from '../../ui/member-parts.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { crc32, gzipSync } from 'node:zlib';
import { GZIP_LEVEL } from '../html-response.ts';
import { crc32Combine } from '../crc32-combine.ts';
import { compressedRun, RUN_STAND_IN } from './compressed-runs.ts';
import { deflateOnce, FINAL_BLOCK, runCrc, tokenDifference, type PatchableRun } from './patchable-deflate.ts';
import { classMember } from './member-class.ts';

/** One member: who they are, their CSRF token, their header counts and their state on the page. */
export interface Member {
  user: User;
  csrfToken: string;
  unreadNotifications: number;
  unreadConversations: number;
  state: MemberState;
}

const TOKEN = 'token' as const;
/** A member-specific part and its renderings so far, one per variant (with the stand-in token). */
type Slot = { part: MemberPartSpec; rendered: Map<string, string> };
/** What members share between their own parts: text, token places and parts that vary by a few facts. */
type SharedRun = { kind: 'shared'; items: (string | typeof TOKEN | Slot)[]; slots: Slot[]; compressed: Map<string, Compressed> };
/** A run compressed for one combination of its parts' variants (undefined run: it could not be). */
type Compressed = { run: PatchableRun | undefined };
type Renderings = Map<Slot, { variant: string | undefined; html: string | Promise<string> }>;
/** A part that is new for every member (a form's submission key, a plugin's slot) or nearly so (the header's name). */
type OwnPart = { kind: 'own'; slot: Slot; compressed: Map<string, Buffer[]> };
const MAX_RENDERINGS_PER_PART = 512;
/**
 * Combinations of a run's variants compressed once each. Beyond them a combination is rare (a listing's
 * unread badges differ between most members), and the page is gzipped whole for the one response instead:
 * cheaper than compressing it to be patched, and nothing kept that will not be used again.
 */
const MAX_COMPRESSED_PER_RUN = 32;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

/**
 * The view context a template is rendered with: the member's class (their identity blanked,
 * core/http/member-pages/member-class.ts), a stand-in CSRF token, no counts, and a recorder that
 * leaves each member-specific part as a marker.
 */
export function templateViewContext(vc: ViewContext & { user: User }): ViewContext {
  return {
    ...vc,
    user: classMember(vc.user),
    csrfToken: generateToken(),
    unreadNotifications: 0,
    unreadConversations: 0,
    memberParts: new MemberPartRecorder(randomBytes(9).toString('base64url')),
  };
}

/**
 * A page rendered once for a class of members and filled in per member. Its shared runs (everything
 * between the parts that are each member's own) are compressed once per combination of their parts'
 * variants, with the CSRF token written into the compressed bytes per member (patchable-deflate.ts);
 * parts with a variant are rendered once per variant; only each member's own parts are rendered and
 * compressed per request.
 */
export class MemberTemplate<Meta = unknown> {
  private readonly segments: (SharedRun | OwnPart)[] = [];
  /** The CSRF token the template was rendered with, found and replaced in its HTML. */
  private readonly templateToken: string;
  /** What plugins' parts load for each member before they render (core/plugins/slots.tsx, preloadSlot). */
  private readonly memberPreloads: MemberPartRecorder['memberPreloads'];

  /** `meta`: what a lane needs to answer for the page without the route (core/http/member-pages/lane.ts). */
  constructor(
    html: string,
    private readonly vc: ViewContext,
    readonly meta: Meta,
  ) {
    const recorder = vc.memberParts;
    if (!recorder) throw new Error('MemberTemplate needs a view context made by templateViewContext');
    this.templateToken = vc.csrfToken;
    this.memberPreloads = recorder.memberPreloads;
    const marker = new RegExp(`\u0000${recorder.nonce}:(\\d+)\u0000|${this.templateToken}`, 'g');
    let run: SharedRun = this.newRun();
    let from = 0;
    for (const match of html.matchAll(marker)) {
      run.items.push(html.slice(from, match.index));
      from = match.index + match[0].length;
      if (match[1] === undefined) {
        run.items.push(TOKEN);
        continue;
      }
      const part = recorder.parts[Number(match[1])]!;
      const slot: Slot = { part, rendered: new Map() };
      if (part.variant && !part.perMember) {
        run.items.push(slot);
        run.slots.push(slot);
        continue;
      }
      this.segments.push(run, { kind: 'own', slot, compressed: new Map() });
      run = this.newRun();
    }
    run.items.push(html.slice(from));
    this.segments.push(run);
  }

  /**
   * The page for one member: gzipped (a gzip member whose shared runs were compressed once) or plain.
   * At once (the usual case); a promise when a plugin's part loads for the member first (its slot's
   * preload) or a part renders asynchronously.
   */
  fill(member: Member, options: { gzip: boolean }): Buffer<ArrayBuffer> | Promise<Buffer<ArrayBuffer>> {
    const vc: ViewContext = {
      ...this.vc,
      memberParts: undefined,
      user: member.user,
      csrfToken: this.templateToken,
      unreadNotifications: member.unreadNotifications,
      unreadConversations: member.unreadConversations,
    };
    const preloads = this.memberPreloads;
    if (preloads.length) return Promise.all(preloads.map((load) => load(vc))).then(() => this.fillFor(vc, member, options));
    return this.fillFor(vc, member, options);
  }

  private fillFor(vc: ViewContext, member: Member, options: { gzip: boolean }): Buffer<ArrayBuffer> | Promise<Buffer<ArrayBuffer>> {
    const renderings: Renderings = new Map();
    const pending: Promise<unknown>[] = [];
    for (const segment of this.segments) {
      for (const slot of segment.kind === 'own' ? [segment.slot] : segment.slots) {
        const rendering = render(slot, vc, member.state);
        renderings.set(slot, rendering);
        if (typeof rendering.html !== 'string') pending.push(rendering.html.then((html) => (rendering.html = html)));
      }
    }
    if (pending.length) return Promise.all(pending).then(() => this.assemble(renderings, member, options));
    return this.assemble(renderings, member, options);
  }

  private assemble(renderings: Renderings, member: Member, options: { gzip: boolean }): Buffer<ArrayBuffer> {
    if (!options.gzip) return this.plain(renderings, member);
    const runs: (Compressed | undefined)[] = [];
    for (const segment of this.segments) {
      if (segment.kind === 'own') {
        runs.push(undefined);
        continue;
      }
      const key = segment.slots.map((slot) => renderings.get(slot)!.variant).join('\u0001');
      let compressed = segment.compressed.get(key);
      if (!compressed) {
        if (segment.compressed.size >= MAX_COMPRESSED_PER_RUN) return this.gzipWhole(renderings, member);
        compressed = { run: compressedRun(this.textOf(segment, renderings).split(this.templateToken)) };
        segment.compressed.set(key, compressed);
      }
      runs.push(compressed);
    }
    return this.gzip(renderings, member, runs);
  }

  private plain(renderings: Renderings, member: Member): Buffer<ArrayBuffer> {
    return Buffer.from(this.segments.map((segment) => this.textOf(segment, renderings)).join('').split(this.templateToken).join(member.csrfToken)) as Buffer<ArrayBuffer>;
  }

  private gzipWhole(renderings: Renderings, member: Member): Buffer<ArrayBuffer> {
    return gzipSync(this.plain(renderings, member), { level: GZIP_LEVEL }) as Buffer<ArrayBuffer>;
  }

  private gzip(renderings: Renderings, member: Member, runs: (Compressed | undefined)[]): Buffer<ArrayBuffer> {
    const token = Buffer.from(member.csrfToken);
    const blocks: Buffer[] = [GZIP_HEADER];
    /** Where the token goes in each block that is a shared run's bytes. */
    const patches = new Map<number, number[]>();
    let crc = 0;
    let length = 0;
    const storedToken = deflateOnce(token);
    const difference = tokenDifference(RUN_STAND_IN, token);
    this.segments.forEach((segment, index) => {
      if (segment.kind === 'own') {
        // the member's own part: its text is compressed once per variant, their token put between
        const { variant, html: text } = renderings.get(segment.slot)!;
        const texts = (text as string).split(this.templateToken);
        let compressed = variant === undefined ? undefined : segment.compressed.get(variant);
        if (!compressed) {
          compressed = texts.map((piece) => (piece ? deflateOnce(Buffer.from(piece)) : Buffer.alloc(0)));
          if (variant !== undefined && segment.compressed.size < MAX_RENDERINGS_PER_PART) segment.compressed.set(variant, compressed);
        }
        compressed.forEach((piece, at) => blocks.push(...(at > 0 ? [storedToken, piece] : [piece])));
        const bytes = Buffer.from(texts.join(member.csrfToken));
        crc = crc32(bytes, crc);
        length += bytes.length;
        return;
      }
      const run = runs[index]?.run;
      if (run) {
        if (run.offsets.length) patches.set(blocks.length, run.offsets);
        blocks.push(run.data);
        const runCrcValue = runCrc(run, difference);
        crc = length === 0 ? runCrcValue : crc32Combine(crc, runCrcValue, run.zeros);
        length += run.length;
        return;
      }
      // a run that could not be compressed once (patchable-deflate.ts): compressed for this response
      const bytes = Buffer.from(this.textOf(segment, renderings).split(this.templateToken).join(member.csrfToken));
      if (bytes.length === 0) return;
      blocks.push(deflateOnce(bytes));
      crc = crc32(bytes, crc);
      length += bytes.length;
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length >>> 0, 4);
    blocks.push(FINAL_BLOCK, trailer);
    // one copy of everything, with the token written over each shared run's stand-ins
    const out = Buffer.allocUnsafe(blocks.reduce((sum, block) => sum + block.length, 0));
    let at = 0;
    blocks.forEach((block, index) => {
      block.copy(out, at);
      for (const offset of patches.get(index) ?? []) token.copy(out, at + offset);
      at += block.length;
    });
    return out as Buffer<ArrayBuffer>;
  }

  private textOf(segment: SharedRun | OwnPart, renderings: Renderings): string {
    const html = (slot: Slot) => renderings.get(slot)!.html as string;
    if (segment.kind === 'own') return html(segment.slot);
    return segment.items.map((item) => (item === TOKEN ? this.templateToken : typeof item === 'string' ? item : html(item))).join('');
  }

  private newRun(): SharedRun {
    return { kind: 'shared', items: [], slots: [], compressed: new Map() };
  }
}

/** A part for one member: the kept rendering of their variant, or a new one (kept when it has a variant). */
function render(slot: Slot, vc: ViewContext, state: MemberState): { variant: string | undefined; html: string | Promise<string> } {
  const variant = slot.part.variant?.(vc, state);
  const known = variant === undefined ? undefined : slot.rendered.get(variant);
  if (known !== undefined) return { variant, html: known };
  const html = renderToString(slot.part.render(vc, state));
  const keep = (text: string) => {
    if (variant !== undefined && slot.rendered.size < MAX_RENDERINGS_PER_PART) slot.rendered.set(variant, text);
    return text;
  };
  return { variant, html: typeof html === 'string' ? keep(html) : html.then(keep) };
}

/** JSX to its HTML, synchronously when nothing in it waits. */
export function renderToString(child: Child): string | Promise<string> {
  if (typeof child === 'string') return child;
  if (child instanceof String && !(child as unknown as HtmlEscapedString).callbacks?.length) return `${child}`;
  const node = (<>{child}</>).toString() as HtmlEscapedString | Promise<HtmlEscapedString>;
  if (node instanceof Promise) return node.then(resolveAll);
  return node.callbacks?.length ? resolveAll(node) : `${node}`;
}

function resolveAll(html: HtmlEscapedString): Promise<string> {
  return resolveCallback(html, HtmlEscapedCallbackPhase.Stringify, false, {}).then(String);
}
