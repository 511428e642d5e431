import { isThirdPartyReactDevWarning } from './consoleErrors';

const thirdParty = [
  'Warning: findDOMNode is deprecated and will be removed in the next major release.%s',
  '    at button',
  '    at ButtonBase (webpack-internal:///../../node_modules/@material-ui/core/esm/ButtonBase/ButtonBase.js:90:22)',
  '    at Suspense',
].join('\n');

const raisedInsideOurWrapper = [
  'Warning: findDOMNode is deprecated%s',
  '    at button',
  '    at ButtonBase (webpack-internal:///../../node_modules/@material-ui/core/esm/ButtonBase/ButtonBase.js:90:22)',
  '    at ConfiguredSignInPage (webpack-internal:///./src/modules/signIn/index.tsx:29:78)',
].join('\n');

const ours = [
  'Warning: Each child in a list should have a unique "key" prop.%s',
  '    at div',
  '    at EnvironmentsCard (webpack-internal:///../../plugins/zeroops/src/components/EnvironmentsCard.tsx:12:3)',
  '    at ExtensionBoundary (webpack-internal:///../../node_modules/@backstage/frontend-plugin-api/dist/components/ExtensionBoundary.esm.js:81:11)',
].join('\n');

describe('isThirdPartyReactDevWarning', () => {
  it('ignores React development warnings raised inside node_modules', () => {
    expect(isThirdPartyReactDevWarning(thirdParty)).toBe(true);
  });

  it('judges by the component that raised the warning, not its ancestors', () => {
    expect(isThirdPartyReactDevWarning(raisedInsideOurWrapper)).toBe(true);
  });

  it('keeps warnings raised by our components', () => {
    expect(isThirdPartyReactDevWarning(ours)).toBe(false);
  });

  it('keeps every error that is not a React warning', () => {
    expect(
      isThirdPartyReactDevWarning(
        'Failed to load resource: 500 (Internal Server Error)',
      ),
    ).toBe(false);
    expect(
      isThirdPartyReactDevWarning('Warning: something without a stack'),
    ).toBe(false);
  });
});
