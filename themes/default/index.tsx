import type { Theme } from '../../core/ui/theme.ts';
import { assetUrl } from '../../core/ui/assets.ts';
import { Layout } from './layout.tsx';

export const defaultTheme: Theme = {
  name: 'default',
  get stylesheets() {
    return [assetUrl('default.css')];
  },
  Layout: (props) => <Layout {...props} stylesheets={defaultTheme.stylesheets} />,
};
