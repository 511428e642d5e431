import { act, renderHook, waitFor } from '@testing-library/react';
import { PENDING_POLL_INTERVAL_MS, useZeroOpsData } from './useZeroOpsData';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => state,
  });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

describe('useZeroOpsData', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    setVisibility('visible');
  });
  afterEach(() => jest.useRealTimers());

  it('loads, then refreshes every 30 seconds without blanking the data', async () => {
    let version = 0;
    const load = jest.fn(async () => ({ version: ++version }));
    const { result } = renderHook(() => useZeroOpsData(load, []));
    expect(result.current).toEqual({ loading: true });
    await waitFor(() =>
      expect(result.current).toEqual({ loading: false, value: { version: 1 } }),
    );

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(result.current.value).toEqual({ version: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the previous data next to the error when a refresh fails', async () => {
    const load = jest
      .fn()
      .mockResolvedValueOnce({ version: 1 })
      .mockRejectedValueOnce(new Error('backend restarting'))
      .mockResolvedValueOnce({ version: 3 });
    const { result } = renderHook(() => useZeroOpsData(load, []));
    await waitFor(() => expect(result.current.value).toEqual({ version: 1 }));

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(result.current).toEqual({
      loading: false,
      value: { version: 1 },
      refreshError: new Error('backend restarting'),
    });

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(result.current).toEqual({ loading: false, value: { version: 3 } });
  });

  it('reports a failed first load as an error and recovers on the next poll', async () => {
    const load = jest
      .fn()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce({ version: 2 });
    const { result } = renderHook(() => useZeroOpsData(load, []));
    await waitFor(() =>
      expect(result.current).toEqual({
        loading: false,
        error: new Error('down'),
      }),
    );
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(result.current).toEqual({ loading: false, value: { version: 2 } });
  });

  it('does not refresh while the page is hidden', async () => {
    const load = jest.fn(async () => 'data');
    renderHook(() => useZeroOpsData(load, []));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    setVisibility('hidden');
    await act(async () => {
      jest.advanceTimersByTime(300_000);
    });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('aborts the request in flight on unmount and ignores its answer', async () => {
    let signal: AbortSignal | undefined;
    let resolve: (value: string) => void = () => {};
    const load = jest.fn(
      (s: AbortSignal) =>
        new Promise<string>(r => {
          signal = s;
          resolve = r;
        }),
    );
    const { result, unmount } = renderHook(() => useZeroOpsData(load, []));
    unmount();
    expect(signal?.aborted).toBe(true);
    await act(async () => resolve('late'));
    expect(result.current).toEqual({ loading: true });
  });

  it('loads again when the dependencies change', async () => {
    const load = jest.fn(async () => 'data');
    const { rerender } = renderHook(
      ({ entity }) => useZeroOpsData(load, [entity]),
      { initialProps: { entity: 'component:default/a' } },
    );
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    rerender({ entity: 'component:default/b' });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });
  it('asks again within seconds while part of the data is still being read, then every 30 s', async () => {
    const answers = [{ pending: true }, { pending: true }, { pending: false }];
    let calls = 0;
    const load = jest.fn(async () => answers[Math.min(calls++, 2)]);
    const { result } = renderHook(() =>
      useZeroOpsData(load, [], { isPending: value => value.pending }),
    );
    await waitFor(() =>
      expect(result.current.value).toEqual({ pending: true }),
    );

    await act(async () => {
      jest.advanceTimersByTime(PENDING_POLL_INTERVAL_MS);
    });
    expect(load).toHaveBeenCalledTimes(2);
    await act(async () => {
      jest.advanceTimersByTime(PENDING_POLL_INTERVAL_MS);
    });
    expect(load).toHaveBeenCalledTimes(3);
    expect(result.current.value).toEqual({ pending: false });

    // Complete: back to the normal refresh.
    await act(async () => {
      jest.advanceTimersByTime(29_000);
    });
    expect(load).toHaveBeenCalledTimes(3);
    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });
    expect(load).toHaveBeenCalledTimes(4);
  });
});
