import {
  IdentityProviders,
  SignInPage,
  SignInProviderConfig,
} from '@backstage/core-components';
import {
  configApiRef,
  createFrontendModule,
  githubAuthApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { ComponentProps } from 'react';

type SignInPageProps = ComponentProps<typeof SignInPage>;

const githubProvider: SignInProviderConfig = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in using GitHub',
  apiRef: githubAuthApiRef,
};

/**
 * Offers the sign-in methods listed in `app.signIn.providers` (guest when unset). A button for a
 * provider the backend has not configured would only fail after the click.
 */
function ConfiguredSignInPage(
  props: Omit<SignInPageProps, 'providers' | 'provider'>,
) {
  const config = useApi(configApiRef);
  const names = config.getOptionalStringArray('app.signIn.providers') ?? [
    'guest',
  ];
  const providers: IdentityProviders = names.map(name =>
    name === 'github' ? githubProvider : 'guest',
  );
  return <SignInPage {...props} providers={providers} />;
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props => <ConfiguredSignInPage {...props} />,
      },
    }),
  ],
});
