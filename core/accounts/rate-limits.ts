import type { RateLimitRule } from '../http/rate-limit.ts';

/** Every account-related limit in one place. Windows are fixed, counted in the database. */
export const limits = {
  registerIp: { name: 'register:ip', limit: 10, windowSeconds: 60 * 60 },
  loginIp: { name: 'login:ip', limit: 30, windowSeconds: 15 * 60 },
  loginAccount: { name: 'login:account', limit: 10, windowSeconds: 15 * 60 },
  resetIp: { name: 'reset:ip', limit: 10, windowSeconds: 60 * 60 },
  resetAccount: { name: 'reset:account', limit: 3, windowSeconds: 60 * 60 },
  passwordChange: { name: 'password-change:account', limit: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;
