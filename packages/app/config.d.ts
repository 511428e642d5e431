export interface Config {
  app?: {
    signIn?: {
      /**
       * Sign-in methods offered on the sign-in page, in order. Defaults to guest, the embedded
       * default's only method; production sets [github].
       * @visibility frontend
       */
      providers?: Array<'guest' | 'github'>;
    };
  };
}
