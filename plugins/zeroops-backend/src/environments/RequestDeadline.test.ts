import { RequestDeadline } from './RequestDeadline';

const never = () => new Promise<string>(() => {});

describe('RequestDeadline', () => {
  it('answers with the placeholder when the work does not finish in time', async () => {
    const deadline = RequestDeadline.after(20);
    await expect(deadline.within(never(), () => 'pending')).resolves.toBe(
      'pending',
    );
  });

  it('answers with the work when it finishes first', async () => {
    const deadline = RequestDeadline.after(60_000);
    await expect(
      deadline.within(Promise.resolve('read'), () => 'pending'),
    ).resolves.toBe('read');
    deadline.dispose();
  });

  it('still answers work that is only a few microtasks away when the budget is spent', async () => {
    const deadline = RequestDeadline.after(-1_000);
    const cached = Promise.resolve()
      .then(() => undefined)
      .then(() => 'cached');
    await expect(deadline.within(cached, () => 'pending')).resolves.toBe(
      'cached',
    );
  });

  it('cuts off early enough to build and send the answer within the budget', async () => {
    const started = Date.now();
    const deadline = RequestDeadline.after(1_000);
    await deadline.within(never(), () => 'pending');
    // The timer may fire late on a loaded machine, never early.
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
    const cutOff = RequestDeadline.after(1_000);
    const first = await Promise.race([
      cutOff.within(never(), () => 'cut off'),
      new Promise(resolve => setTimeout(() => resolve('budget spent'), 1_000)),
    ]);
    expect(first).toBe('cut off');
  });

  it('lets one timer serve many environments', async () => {
    const deadline = RequestDeadline.after(20);
    const answers = await Promise.all([
      deadline.within(never(), () => 'a pending'),
      deadline.within(Promise.resolve('b read'), () => 'b pending'),
      deadline.within(never(), () => 'c pending'),
    ]);
    expect(answers).toEqual(['a pending', 'b read', 'c pending']);
  });
});
