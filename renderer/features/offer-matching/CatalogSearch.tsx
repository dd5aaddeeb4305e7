// Any product of the Microsoft catalog, found by typing part of its name or part number. Only the
// first matches are listed: the catalog has hundreds of products.
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, nameWithPartNumber } from '../../../shared/domain/format';
import type { Catalog } from '../../../shared/domain/engine';

const SHOWN = 50;

export function CatalogSearch({ catalog, value, onSelect }: { catalog: Catalog; value: string; onSelect: (skuId: string) => void }) {
  const { t, i18n } = useTranslation();
  const selected = value ? catalog.skus.get(value) : undefined;
  const labelOf = (sku: { partNumber: string; name: string }) => nameWithPartNumber(sku.name, sku.partNumber);
  const [query, setQuery] = useState(selected ? labelOf(selected) : '');
  // Typing opens the list, however the text arrived (typed, pasted, dictated).
  const [open, setOpen] = useState(false);
  const all = useMemo(() => [...catalog.skus.values()].sort((a, b) => a.name.localeCompare(b.name)), [catalog]);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found = words.length === 0 || (selected && query === labelOf(selected)) ? all : all.filter((s) => words.every((w) => `${s.name} ${s.partNumber}`.toLowerCase().includes(w)));
    return found;
  }, [all, query, selected]);
  return (
    <Field
      label={t('offerMatching.target.searchLabel')}
      hint={matches.length > SHOWN ? t('offerMatching.target.searchMore', { shown: formatCount(SHOWN, i18n.language), total: formatCount(matches.length, i18n.language) }) : t('offerMatching.target.searchHint')}
    >
      <Combobox
        freeform
        value={query}
        selectedOptions={value ? [value] : []}
        placeholder={t('offerMatching.target.searchPlaceholder')}
        open={open}
        onOpenChange={(_, d) => setOpen(d.open)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, d) => {
          if (!d.optionValue) return;
          onSelect(d.optionValue);
          setQuery(d.optionText ?? '');
          setOpen(false);
        }}
      >
        {matches.length === 0 ? (
          <Option key="none" value="" disabled text={t('offerMatching.target.noMatch')}>
            {t('offerMatching.target.noMatch')}
          </Option>
        ) : (
          matches.slice(0, SHOWN).map((s) => (
            <Option key={s.id} value={s.id} text={labelOf(s)}>
              {labelOf(s)}
              {s.purchasable ? '' : ` – ${t('offerMatching.target.notPurchasable')}`}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
