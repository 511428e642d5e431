import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * Plugins are discovered from this package's dependencies (`app.packages: all`), so adding a
 * plugin is one dependency plus, if wanted, configuration under `app.extensions`.
 */
export default createApp({
  features: [navModule, signInModule],
});
