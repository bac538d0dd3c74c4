import { HookRejection, renderPage, UserError, ValidationError, type Category, type FieldErrors } from '../../../core/plugins/api.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createListing } from '../service/create-listing.ts';
import { activeListingCount } from '../service/limits.ts';
import type { MarketplaceApi } from '../settings.ts';
import { ListingForm } from '../views/listing-form.tsx';
import { filesOf, scopedCategory, sizeText, stringsOf, vcOf, type MarketContext } from './context.ts';

async function renderForm(
  api: MarketplaceApi,
  c: MarketContext,
  category: Category,
  state: { form: Record<string, string>; errors?: FieldErrors; problem?: string; status?: ContentfulStatusCode },
) {
  const vc = vcOf(c);
  const settings = await api.settings(category.id);
  const user = c.get('user');
  const active = user ? { count: await activeListingCount(api, user.id), max: (await api.settings()).maxActiveListings } : null;
  return renderPage(
    c as never,
    { title: vc.t('marketplace.form.title', { category: category.name }), status: state.status },
    <ListingForm
      vc={vc}
      category={category}
      form={state.form}
      errors={state.errors}
      problem={state.problem}
      defaultCurrency={settings.defaultCurrency}
      maxSize={sizeText(api.uploads.maxBytes)}
      active={active}
    />,
  );
}

/** GET /c/:categoryId/new */
export function createForm(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    if (!c.get('user')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    return renderForm(api, c, await scopedCategory(api, c), { form: {} });
  };
}

/** POST /c/:categoryId/new — multipart: the fields and up to eight photos. */
export function createSubmit(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    const user = c.get('user');
    if (!user) throw new UserError(403, 'forum.loginRequired');
    const category = await scopedCategory(api, c);
    const form = await stringsOf(c);
    try {
      const { url } = await createListing(api, { seller: user, categoryId: category.id, form, photos: await filesOf(c, 'photos') });
      return c.redirect(url, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        const errors = { ...error.fields };
        // core names the category field; here the category is fixed by the URL
        if (errors.categoryId) errors._form = errors.categoryId;
        return renderForm(api, c, category, { form, errors, status: 400 });
      }
      if (error instanceof UserError) {
        return renderForm(api, c, category, { form, problem: c.get('t').t(error.messageKey, error.params), status: error.status as ContentfulStatusCode });
      }
      if (error instanceof HookRejection) {
        return renderForm(api, c, category, { form, problem: c.get('t').t(error.messageKey, error.params), status: 400 });
      }
      throw error;
    }
  };
}
