import { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../../core/plugins/api.ts';
import { conditions, listingKinds, serviceTypes, type Condition, type ListingKind, type ServiceType } from '../schema.ts';
import { currencies } from '../settings.ts';
import { parseAmount } from '../service/money.ts';

const optionalText = z.string().trim().default('');

/** The form as submitted (strings); title and description are checked by core when the thread is created. */
const listingFormSchema = z.object({
  title: optionalText,
  raw: optionalText,
  kind: z.enum(listingKinds, { error: 'marketplace.error.kind' }),
  serviceType: optionalText,
  price: optionalText,
  currency: optionalText,
  condition: optionalText,
  location: z.string().trim().max(120, 'marketplace.error.location').default(''),
});

export interface ListingFields {
  title: string;
  raw: string;
  kind: ListingKind;
  serviceType: ServiceType | null;
  priceMinor: number | null;
  currency: string | null;
  condition: Condition | null;
  location: string;
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** Checks the listing's own fields, collecting every problem at once; a give-away has no price. */
export function parseListingForm(form: Record<string, string>, defaultCurrency: string): ListingFields {
  const parsed = listingFormSchema.safeParse(form);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    throw new ValidationError(errors);
  }
  const data = parsed.data;
  let serviceType: ServiceType | null = null;
  if (data.kind === 'service') {
    if (isOneOf(serviceTypes, data.serviceType)) serviceType = data.serviceType;
    else errors.serviceType = 'marketplace.error.serviceType';
  }
  let condition: Condition | null = null;
  if (data.condition !== '') {
    if (isOneOf(conditions, data.condition)) condition = data.condition;
    else errors.condition = 'marketplace.error.condition';
  } else if (data.kind === 'sell') {
    errors.condition = 'marketplace.error.condition';
  }
  let priceMinor: number | null = null;
  let currency: string | null = null;
  if (data.kind !== 'free') {
    currency = data.currency === '' ? defaultCurrency : data.currency;
    if (!isOneOf(currencies, currency)) errors.currency = 'marketplace.error.currency';
    else if (data.price !== '') {
      priceMinor = parseAmount(data.price, currency);
      if (priceMinor === null) errors.price = 'marketplace.error.price';
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { title: data.title, raw: data.raw, kind: data.kind, serviceType, priceMinor, currency, condition: data.kind === 'service' ? null : condition, location: data.location };
}
