import { ValidationError } from '../../http/validation.ts';
import type { User } from '../schema.ts';
import { passwordSchema } from './users.ts';

/**
 * The rules a new password must meet after registration (reset, change): the same length limits,
 * and not the member's own username or email. Throws ValidationError on `field`.
 */
export function checkNewPassword(user: Pick<User, 'username' | 'email'>, password: string, field = 'password'): void {
  const result = passwordSchema.safeParse(password);
  if (!result.success) {
    const key = result.error.issues[0]?.message ?? 'validation.invalid';
    throw new ValidationError({ [field]: key });
  }
  const lower = password.toLowerCase();
  if (lower === user.username.toLowerCase() || lower === user.email.toLowerCase()) {
    throw new ValidationError({ [field]: 'account.password.sameAsName' });
  }
}
