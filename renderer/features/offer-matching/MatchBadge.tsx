// The match kind of a line as a coloured badge with words (never colour alone), and a finding's
// severity the same way.
import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MatchKind, Severity } from '../../../shared/domain/engine';

const KIND_COLOR = { same: 'success', equivalent: 'informative', different: 'warning', none: 'danger' } as const;

export function MatchBadge({ kind }: { kind: MatchKind }) {
  const { t } = useTranslation();
  const label = {
    same: t('offerMatching.kind.same'),
    equivalent: t('offerMatching.kind.equivalent'),
    different: t('offerMatching.kind.different'),
    none: t('offerMatching.kind.none'),
  }[kind];
  return (
    <Badge appearance="tint" color={KIND_COLOR[kind]} data-testid="match-kind" style={{ whiteSpace: 'nowrap' }}>
      {label}
    </Badge>
  );
}

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  const label = { error: t('offerMatching.severity.error'), warning: t('offerMatching.severity.warning'), info: t('offerMatching.severity.info') }[severity];
  return (
    <Badge appearance="tint" color={SEVERITY_COLOR[severity]} style={{ whiteSpace: 'nowrap' }}>
      {label}
    </Badge>
  );
}
