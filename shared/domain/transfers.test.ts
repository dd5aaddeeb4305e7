import { describe, expect, it } from 'vitest';
import { transferStepsTo } from './transfers';

describe('transferStepsTo', () => {
  it('takes the fewest steps Partner Center allows, and none back', () => {
    expect(transferStepsTo('requested', 'requested')).toEqual([]);
    expect(transferStepsTo('requested', 'approved')).toEqual(['approved']);
    expect(transferStepsTo('requested', 'rejected')).toEqual(['rejected']);
    expect(transferStepsTo('requested', 'completed')).toEqual(['approved', 'completed']);
    expect(transferStepsTo('approved', 'completed')).toEqual(['completed']);
    expect(transferStepsTo('completed', 'rejected')).toBeNull();
    expect(transferStepsTo('rejected', 'requested')).toBeNull();
    expect(transferStepsTo('approved', 'requested')).toBeNull();
  });
});
