import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
});

/**
 * What a feature page shows until its feature exists: what the page will be for, and plainly that it
 * is not built yet. No sample data, nothing that looks usable.
 */
export function BeingBuilt({ purposeKey }: { purposeKey: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text as="p" size={400}>
        {t(purposeKey)}
      </Text>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('building.title')}</MessageBarTitle>
          <div>{t('building.body')}</div>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
