// What a promise was rejected with, for tests that read a refusal's fields.

/** The error `promise` was rejected with, checked to be a `Kind`; throws when it resolved or was rejected with anything else. */
export async function rejectionOf<E>(promise: Promise<unknown>, Kind: abstract new (...args: never[]) => E): Promise<E> {
  const e = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof Kind)) throw new Error(`expected a ${Kind.name}, got ${String(e)}`);
  return e;
}
