import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';

export function adminRoutes(_deps: AppDeps): Hono {
  const app = new Hono();
  return app;
}
