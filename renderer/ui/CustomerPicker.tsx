// A customer chosen by typing part of its name (or domain), for the screens that work on one
// customer: a workspace holds thousands, which a plain drop-down lists in full and cannot search.
// Only the first matches are in the list, so each key costs a filter over names, not a render of
// every customer.
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/domain/format';

export const PICKER_SHOWN = 50;

export interface PickableCustomer {
  id: string;
  name: string;
  /** Shown after the name and searched too: a domain, a stage. */
  detail?: string;
}

export interface CustomerPickerProps {
  label: string;
  customers: readonly PickableCustomer[];
  value: string | null;
  onChange: (id: string) => void;
  disabled?: boolean;
}

const labelOf = (c: PickableCustomer) => (c.detail ? `${c.name} (${c.detail})` : c.name);

/** The customers whose name or detail holds every word typed, in the order given. */
export function matchCustomers<T extends PickableCustomer>(customers: readonly T[], haystacks: readonly string[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...customers];
  const found: T[] = [];
  for (let i = 0; i < customers.length; i++) {
    const text = haystacks[i]!;
    if (words.every((w) => text.includes(w))) found.push(customers[i]!);
  }
  return found;
}

export function CustomerPicker({ label, customers, value, onChange, disabled }: CustomerPickerProps) {
  const { t, i18n } = useTranslation();
  const selected = useMemo(() => (value ? customers.find((c) => c.id === value) : undefined), [customers, value]);
  // What the person typed since the last choice; null shows the chosen customer's name.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const haystacks = useMemo(() => customers.map((c) => `${c.name} ${c.detail ?? ''}`.toLowerCase()), [customers]);
  const matches = useMemo(() => matchCustomers(customers, haystacks, query ?? ''), [customers, haystacks, query]);
  const number = (n: number) => formatCount(n, i18n.language);
  return (
    <Field
      label={label}
      hint={
        query && matches.length > PICKER_SHOWN
          ? t('picker.more', { shown: number(PICKER_SHOWN), total: number(matches.length) })
          : t('picker.hint', { total: number(customers.length) })
      }
    >
      <Combobox
        freeform
        disabled={disabled}
        value={query ?? (selected ? labelOf(selected) : '')}
        selectedOptions={value ? [value] : []}
        placeholder={t('picker.placeholder')}
        open={open}
        onOpenChange={(_, d) => {
          setOpen(d.open);
          // Closing without a choice shows the chosen customer again rather than a half-typed name.
          if (!d.open) setQuery(null);
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, d) => {
          if (!d.optionValue) return;
          onChange(d.optionValue);
          setQuery(null);
          setOpen(false);
        }}
      >
        {matches.length === 0 ? (
          <Option key="none" value="" disabled text={t('picker.noMatch')}>
            {t('picker.noMatch')}
          </Option>
        ) : (
          matches.slice(0, PICKER_SHOWN).map((c) => (
            <Option key={c.id} value={c.id} text={labelOf(c)}>
              {labelOf(c)}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
