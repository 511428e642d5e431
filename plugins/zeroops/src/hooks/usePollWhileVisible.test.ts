import { act, renderHook } from '@testing-library/react';
import { usePollWhileVisible } from './usePollWhileVisible';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => state,
  });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

describe('usePollWhileVisible', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    setVisibility('visible');
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('calls back every interval while visible', () => {
    const callback = jest.fn();
    renderHook(() => usePollWhileVisible(callback, 30_000));

    act(() => jest.advanceTimersByTime(29_999));
    expect(callback).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(callback).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(60_000));
    expect(callback).toHaveBeenCalledTimes(3);
  });

  it('does not poll while hidden and catches up when visible again', () => {
    const callback = jest.fn();
    renderHook(() => usePollWhileVisible(callback, 30_000));

    act(() => jest.advanceTimersByTime(10_000));
    setVisibility('hidden');
    act(() => jest.advanceTimersByTime(120_000));
    expect(callback).not.toHaveBeenCalled();

    setVisibility('visible');
    expect(callback).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(30_000));
    expect(callback).toHaveBeenCalledTimes(2);
  });

  it('does not call back at once when it was hidden only briefly', () => {
    const callback = jest.fn();
    renderHook(() => usePollWhileVisible(callback, 30_000));

    act(() => jest.advanceTimersByTime(5_000));
    setVisibility('hidden');
    act(() => jest.advanceTimersByTime(5_000));
    setVisibility('visible');
    expect(callback).not.toHaveBeenCalled();
  });

  it('starts paused when mounted in a hidden tab', () => {
    setVisibility('hidden');
    const callback = jest.fn();
    renderHook(() => usePollWhileVisible(callback, 30_000));
    act(() => jest.advanceTimersByTime(90_000));
    expect(callback).not.toHaveBeenCalled();
  });

  it('stops polling when unmounted', () => {
    const callback = jest.fn();
    const { unmount } = renderHook(() => usePollWhileVisible(callback, 30_000));
    unmount();
    act(() => jest.advanceTimersByTime(90_000));
    setVisibility('visible');
    expect(callback).not.toHaveBeenCalled();
  });

  it('uses the latest callback without restarting the interval', () => {
    const first = jest.fn();
    const second = jest.fn();
    const { rerender } = renderHook(
      ({ callback }) => usePollWhileVisible(callback, 30_000),
      { initialProps: { callback: first } },
    );
    act(() => jest.advanceTimersByTime(20_000));
    rerender({ callback: second });
    act(() => jest.advanceTimersByTime(10_000));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
