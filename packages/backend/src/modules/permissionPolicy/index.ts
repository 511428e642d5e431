import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ZeroOpsPermissionPolicy } from './ZeroOpsPermissionPolicy';

/** Installs {@link ZeroOpsPermissionPolicy}, configured by `permissionPolicy.*`. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'zeroops-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          ZeroOpsPermissionPolicy.fromConfig(
            config.getOptionalConfig('permissionPolicy'),
            userInfo,
          ),
        );
      },
    });
  },
});
