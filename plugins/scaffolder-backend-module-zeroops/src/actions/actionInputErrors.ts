import { InputError } from '@backstage/errors';

/**
 * Runs `work`, naming the action in its input errors: the repository helpers say which field
 * is wrong, and the task log should also say which step's input it was. Other errors pass.
 */
export async function namingActionInInputErrors<T>(
  actionId: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as Error).name !== 'InputError') throw error;
    throw new InputError(
      `Invalid input to ${actionId}: ${(error as Error).message}`,
    );
  }
}
