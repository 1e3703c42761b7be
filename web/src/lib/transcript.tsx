// A conversation with the assistant as both sides read it: who wrote each message and
// when, the text, and what the assistant proposed, ran or refused. The portal's chat and
// the console's hand-off inbox show the same messages, each naming the speakers its way.
import { dateTime, label, money } from './format';
import { Pill } from './ui';
import type { AssistantAction, AssistantMessage } from './assistant';

export type Speakers = Record<AssistantMessage['role'], string>;

// "Payment · $30.00 · Velo Bikes" from an action's details (assist/chat.cc ActionDetails).
export function actionText(a: AssistantAction): string {
  const d = a.details ?? {};
  const parts = [label(a.type)];
  if (typeof d.amount === 'number' && typeof d.currency === 'string') parts.push(money(d.amount, d.currency));
  if (typeof d.merchant === 'string' && d.merchant) parts.push(d.merchant);
  if (typeof d.days === 'number') parts.push(`${d.days} days later`);
  if (typeof d.last4 === 'string' && d.last4) parts.push(`card ending ${d.last4}`);
  if (typeof d.error === 'string') parts.push(`(${d.error.replace(/_/g, ' ')})`);
  return parts.join(' · ');
}

export function Messages({ messages, speakers, caption, showIntent = false }: {
  messages: AssistantMessage[];
  speakers: Speakers;
  caption: string;
  showIntent?: boolean;
}) {
  if (messages.length === 0) return <p class="muted">No messages yet.</p>;
  return (
    <ol class="transcript" aria-label={caption}>
      {messages.map((m) => (
        <li class={`msg msg-${m.role}`} key={m.seq}>
          <p class="msg-meta">
            <strong>{speakers[m.role]}</strong> <span class="muted">{dateTime(m.created_at)}</span>
            {showIntent && m.intent && <span class="muted"> · intent {m.intent}</span>}
          </p>
          <p class="msg-text">{m.text}</p>
          {m.actions && m.actions.length > 0 && (
            <ul class="msg-actions" aria-label="Actions">
              {m.actions.map((a) => (
                <li>
                  <Pill text={a.status} /> {actionText(a)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
