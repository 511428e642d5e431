export interface Config {
  /** Permission policy of the ZeroOps backend (packages/backend/src/modules/permissionPolicy). */
  permissionPolicy?: {
    /** User or group entity refs (e.g. `group:default/platform-team`) allowed to do anything. */
    admins?: string[];
    /**
     * User or group entity refs allowed to read cost (`zeroops.cost.read`). When unset, anyone who
     * may read an entity may read its cost; an empty list restricts cost to admins.
     */
    costViewers?: string[];
  };
}
