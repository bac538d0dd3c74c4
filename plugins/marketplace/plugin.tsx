import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { definePlugin } from '../../core/plugins/api.ts';
import { registerAnalytics } from './analytics.ts';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';
import { browseRoute } from './routes/browse.tsx';
import { createForm, createSubmit } from './routes/create.tsx';
import { addPhotosRoute, contactRoute, removePhotoRoute, renewRoute, statusRoute } from './routes/manage.tsx';
import { marketplaceListings, marketplaceStatusChanges } from './schema.ts';
import { SWEEP_JOB, sweepListings } from './service/expiry.ts';
import { registerListingReports } from './service/reportable.ts';
import { registerListingSearch } from './service/search.ts';
import { marketplaceSettings } from './settings.ts';
import { categoryLinks, composerHint, listingHeader, listItemBadge } from './views/slots.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));

/** 二手交易 and local services (拼车, 代收, 维修): listings with price, photos and status, per category. */
export default definePlugin({
  id: 'marketplace',
  version: '1.0.0',
  coreApi: '^1.4.0',
  scope: 'category',
  settings: marketplaceSettings,
  categorySettings: ['expiryDays', 'defaultCurrency'],
  tables: { marketplaceListings, marketplaceStatusChanges },
  migrations: path.join(here, 'migrations'),
  locales: { en, 'zh-CN': zhCN },
  assets: { 'marketplace.css': path.join(here, 'assets', 'marketplace.css') },
  setup(api) {
    // UI
    api.slot('head', 'marketplace.css', () => <link rel="stylesheet" href={api.assetUrl('marketplace.css')} />, { shared: true });
    // the links and the list badge read nothing of the viewer beyond their class (who may start a thread)
    api.slot('category.header', 'marketplace.links', categoryLinks(api), { shared: true });
    api.slot('thread.header', 'marketplace.listing', listingHeader(api));
    api.slot('thread.listItem', 'marketplace.badge', listItemBadge(api), { shared: true });
    api.slot('composer.extras', 'marketplace.hint', composerHint(), { shared: true });

    // the category view (cards and filters) and the listing form
    const category = api.scope.category();
    api.routes.get('/c/:categoryId', category, browseRoute(api));
    api.routes.get('/c/:categoryId/new', category, createForm(api));
    api.routes.post('/c/:categoryId/new', category, createSubmit(api));

    // a listing's actions (tied to a readable thread in a category where the marketplace is on)
    const thread = api.scope.thread();
    api.routes.post('/l/:threadId/status', thread, statusRoute(api));
    api.routes.post('/l/:threadId/renew', thread, renewRoute(api));
    api.routes.post('/l/:threadId/photos', thread, addPhotosRoute(api));
    api.routes.post('/l/:threadId/photos/:uploadId/remove', thread, removePhotoRoute(api));
    api.routes.post('/l/:threadId/contact', thread, contactRoute(api));

    // a moved thread takes its listing along
    api.action('thread.moved', async ({ thread, to }) => {
      await api.db.update(marketplaceListings).set({ categoryId: to.id }).where(eq(marketplaceListings.threadId, thread.id));
    });

    // expiry reminders and expiry, every 15 minutes
    api.job(SWEEP_JOB, async () => {
      await sweepListings(api);
    }, { cron: '*/15 * * * *' });
    api.notificationType('expiring', { messageKey: 'marketplace.notification.expiring' });
    api.notificationType('expired', { messageKey: 'marketplace.notification.expired' });

    registerListingReports(api);
    registerListingSearch(api);
    registerAnalytics(api);
  },
});
