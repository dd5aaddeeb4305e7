// Where a tenant is imported: the three ways an account manager gets the customer's data, with the
// exact clicks or command, and what each way gives or misses. Folded by default: it is for the
// first import, not every one.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../ui/language';
import { CollectionScriptButton, type ScriptCustomer } from './CollectionScriptButton';

export const DATA_WAYS = ['adminCenter', 'graph', 'partnerCenter'] as const;

/** Each way's words (literal keys: eslint/i18nKeys.js). */
const WAY_WORDS: Record<(typeof DATA_WAYS)[number], Record<'title' | 'how' | 'steps' | 'gives' | 'misses', (t: Translate) => string>> = {
  adminCenter: {
    title: (t) => t('caseFile.dataGuide.adminCenter.title'),
    how: (t) => t('caseFile.dataGuide.adminCenter.how'),
    steps: (t) => t('caseFile.dataGuide.adminCenter.steps'),
    gives: (t) => t('caseFile.dataGuide.adminCenter.gives'),
    misses: (t) => t('caseFile.dataGuide.adminCenter.misses'),
  },
  graph: {
    title: (t) => t('caseFile.dataGuide.graph.title'),
    how: (t) => t('caseFile.dataGuide.graph.how'),
    steps: (t) => t('caseFile.dataGuide.graph.steps'),
    gives: (t) => t('caseFile.dataGuide.graph.gives'),
    misses: (t) => t('caseFile.dataGuide.graph.misses'),
  },
  partnerCenter: {
    title: (t) => t('caseFile.dataGuide.partnerCenter.title'),
    how: (t) => t('caseFile.dataGuide.partnerCenter.how'),
    steps: (t) => t('caseFile.dataGuide.partnerCenter.steps'),
    gives: (t) => t('caseFile.dataGuide.partnerCenter.gives'),
    misses: (t) => t('caseFile.dataGuide.partnerCenter.misses'),
  },
};

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
            <section key={way} className={styles.way} aria-label={WAY_WORDS[way].title(t)}>
              <h3 className={styles.wayTitle}>{WAY_WORDS[way].title(t)}</h3>
              <p>{WAY_WORDS[way].how(t)}</p>
              {way === 'graph' && customer && <CollectionScriptButton customer={customer} />}
              <p className={styles.code}>{WAY_WORDS[way].steps(t)}</p>
              <ul className={styles.list}>
                <li>{WAY_WORDS[way].gives(t)}</li>
                <li>{WAY_WORDS[way].misses(t)}</li>
              </ul>
            </section>
          ))}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
