// The importers' refusals as the tests read them: the ImportError a call threw (any other throw,
// or none, fails the test).
import { ImportError } from '../../shared/import/errors';

export function importErrorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}
