// Where a tenant is imported: the three ways an account manager gets the customer's data, with the
// exact clicks or command, and what each way gives or misses. Folded by default: it is for the
// first import, not every one.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CollectionScriptButton, type ScriptCustomer } from './CollectionScriptButton';

export const DATA_WAYS = ['adminCenter', 'graph', 'partnerCenter'] as const;

const useStyles = makeStyles({
  way: { marginBottom: tokens.spacingVerticalM },
  wayTitle: { fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalXS}` },
  code: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** With a customer, the Graph way offers that customer's collection script to save. */
export function DataGuide({ customer }: { customer?: ScriptCustomer | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Accordion collapsible data-testid="data-guide">
      <AccordionItem value="guide">
        <AccordionHeader>{t('caseFile.dataGuide.title')}</AccordionHeader>
        <AccordionPanel>
          <p>{t('caseFile.dataGuide.intro')}</p>
          {DATA_WAYS.map((way) => (
            <section key={way} className={styles.way} aria-label={t(`caseFile.dataGuide.${way}.title`)}>
              <h3 className={styles.wayTitle}>{t(`caseFile.dataGuide.${way}.title`)}</h3>
              <p>{t(`caseFile.dataGuide.${way}.how`)}</p>
              {way === 'graph' && customer && <CollectionScriptButton customer={customer} />}
              <p className={styles.code}>{t(`caseFile.dataGuide.${way}.steps`)}</p>
              <ul className={styles.list}>
                <li>{t(`caseFile.dataGuide.${way}.gives`)}</li>
                <li>{t(`caseFile.dataGuide.${way}.misses`)}</li>
              </ul>
            </section>
          ))}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
