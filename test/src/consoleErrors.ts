/**
 * React development builds report deprecations (e.g. MUI v4's `findDOMNode` under StrictMode) as
 * console errors with a component stack that starts at the component that raised them. When that
 * component is third-party code (node_modules), the warning is not a product error and vanishes
 * in production builds; when it is ours, the test must fail.
 */
export function isThirdPartyReactDevWarning(text: string): boolean {
  if (!text.startsWith('Warning: ')) return false;
  const locatedFrames = text
    .split('\n')
    .filter(line => /^\s+at .*\(.+\)\s*$/.test(line));
  return locatedFrames.length > 0 && locatedFrames[0].includes('node_modules');
}
