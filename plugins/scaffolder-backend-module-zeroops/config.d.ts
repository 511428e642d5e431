export interface Config {
  zeroops?: {
    publish?: {
      local?: {
        /**
         * Folder where `zeroops:publish:local` creates git repositories, and the only folder the
         * module's `file://` URL reader serves to the catalog. Keep it outside the Backstage
         * workspace. A leading `~/` means the home folder of the backend's user.
         * Default: `~/.zeroops/repositories`.
         */
        baseDir?: string;
      };
    };
  };
}
