import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/domain/roles';
import { createI18n } from '../app/i18n/index';
import { ROLE_NAME_WORDS, wordOf, type Translate } from './labels';

const tOf = (lang: 'en' | 'ja') => {
  const i18n = createI18n(lang);
  return i18n.t.bind(i18n) as Translate;
};

describe('role names', () => {
  it('come from the catalogs, as Partner Center names the roles, in both languages', () => {
    const names = (lang: 'en' | 'ja') => Role.options.map((role) => wordOf(ROLE_NAME_WORDS, role, tOf(lang)));
    expect(names('en')).toEqual(['Admin agent', 'Sales agent', 'Billing agent']);
    expect(names('ja')).toEqual(['管理エージェント', '営業担当エージェント', '課金エージェント']);
  });

  it('say a role this app does not know (a newer server’s) as it is', () => {
    expect(wordOf(ROLE_NAME_WORDS, 'reports-agent', tOf('en'))).toBe('reports-agent');
  });
});
