import type { Child, FC } from 'hono/jsx';

/** The narrow card that holds the sign-in, sign-up and password pages. */
export const AuthPage: FC<{ title: string; intro?: string; children?: Child }> = ({ title, intro, children }) => (
  <section class="narrow card auth-page">
    <h1>{title}</h1>
    {intro ? <p>{intro}</p> : null}
    {children}
  </section>
);
