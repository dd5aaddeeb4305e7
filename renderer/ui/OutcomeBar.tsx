// What a button's change came to, said beside it: saved, refused with the reason, or a note.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export interface Outcome {
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
}

export function OutcomeBar({ outcome, testId }: { outcome: Outcome | null; testId?: string }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} role="status" data-testid={testId}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}
