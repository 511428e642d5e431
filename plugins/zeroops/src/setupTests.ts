import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The first render of a Backstage test app takes seconds on a busy CI machine.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

// jsdom has no ResizeObserver; the cost chart's responsive container observes its size.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  Object.defineProperty(globalThis, 'ResizeObserver', {
    value: ResizeObserverStub,
    configurable: true,
  });
}
