// The typed way to make a change: `mutate.plan.save(args)`, its arguments typed from the mutator's
// zod schema, instead of a name string and unknown arguments. Built from the registry at run time,
// so a new mutator is callable as soon as it is registered.
import type { MutateOptions, MutationOutcome } from './define';
import { mutators, type MutatorArgs, type MutatorName } from './index';

type Head<N extends string> = N extends `${infer H}.${string}` ? H : never;
type Tail<N extends string, H extends string> = N extends `${H}.${infer T}` ? T : never;

export type MutateApi = {
  [H in Head<MutatorName>]: {
    [N in Extract<MutatorName, `${H}.${string}`> as Tail<N, H>]: (args: MutatorArgs<N>, options?: MutateOptions) => Promise<MutationOutcome>;
  };
};

/** One change by name, typed: what `MutateApi` calls underneath. */
export type Mutate = <N extends MutatorName>(name: N, args: MutatorArgs<N>, options?: MutateOptions) => Promise<MutationOutcome>;

export function mutateApi(run: (name: MutatorName, args: unknown, options?: MutateOptions) => Promise<MutationOutcome>): MutateApi {
  const api: Record<string, Record<string, (args: unknown, options?: MutateOptions) => Promise<MutationOutcome>>> = {};
  for (const name of mutators.keys()) {
    const [head, ...rest] = name.split('.');
    (api[head!] ??= {})[rest.join('.')] = (args, options) => run(name as MutatorName, args, options);
  }
  return api as unknown as MutateApi;
}
