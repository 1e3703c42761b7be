// The assistant's chat for a logged-in consumer: start a conversation, send messages,
// read replies with what the assistant proposed, ran or refused, answer a pending
// change with yes or no, and, once the conversation is handed to a person, see their
// replies as they come (polled). New replies are read out through a live region. The
// conversation's id stays in this tab (sessionStorage), so a reload continues it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { handoffReason, type AssistantReply, type Conversation, type Transcript } from '../lib/assistant';
import { Messages } from '../lib/transcript';
import { Alert, Field, Section, errorFor, formError, useSubmit } from '../lib/ui';
import { me } from './session';

const CONVERSATION = 'tranche.conversation';
// While a person has the conversation, their replies are fetched this often.
const POLL_MS = 3000;

const SPEAKERS = { consumer: 'You', assistant: 'tranche assistant', agent: 'tranche colleague' };

// An explicit yes or no in the conversation's language (assist/slots.cc accepts these).
const YES: Record<string, string> = { en: 'yes', sv: 'ja', de: 'ja' };
const NO: Record<string, string> = { en: 'no', sv: 'nej', de: 'nein' };

// Logging out ends the tab's chat with the session.
export function forgetConversation(): void {
  sessionStorage.removeItem(CONVERSATION);
}

function lastSeq(t: Transcript | null): number {
  return t && t.messages.length > 0 ? t.messages[t.messages.length - 1].seq : 0;
}

function HandoffNotice({ conversation }: { conversation: Conversation }) {
  if (conversation.status === 'closed') {
    return <p class="notice">This conversation is closed. Start a new chat if you need anything else.</p>;
  }
  if (!conversation.handoff) return null;
  const reason = handoffReason(conversation.handoff.reason);
  return (
    <p class="notice">
      {conversation.status === 'claimed'
        ? 'A colleague is looking at this now and will reply here.'
        : `We have handed this to a colleague (${reason}). They will reply here; you can keep this page open.`}
    </p>
  );
}

export function Chat({ onAccountChanged }: { onAccountChanged: () => void }) {
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  const [text, setText] = useState('');
  const { error, setError, busy, submit: run } = useSubmit();
  const [announcement, setAnnouncement] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const seen = useRef(0);

  // Shows a fresh transcript and reads out what others wrote since the last one.
  const show = (t: Transcript) => {
    const fresh = t.messages.filter((m) => m.seq > seen.current && m.role !== 'consumer');
    if (seen.current > 0 && fresh.length > 0) setAnnouncement(fresh.map((m) => m.text).join(' '));
    seen.current = lastSeq(t);
    setTranscript(t);
  };
  const load = async (id: string) => show(await me<Transcript>('GET', `/v1/assistant/conversations/${encodeURIComponent(id)}`));

  // A conversation this tab started continues after a reload; one that is gone is forgotten.
  useEffect(() => {
    const id = sessionStorage.getItem(CONVERSATION);
    if (!id) return;
    load(id).catch((err) => {
      if (err instanceof ApiError && err.status === 404) sessionStorage.removeItem(CONVERSATION);
      else setError(err);
    });
  }, []);

  const withPeople = transcript !== null && (transcript.status === 'handed_off' || transcript.status === 'claimed');
  useEffect(() => {
    if (!withPeople || !transcript) return;
    const id = transcript.id;
    const timer = setInterval(() => load(id).catch(() => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [withPeople, transcript?.id]);

  const start = () =>
    run(async () => {
      const c = await me<Conversation>('POST', '/v1/assistant/conversations');
      sessionStorage.setItem(CONVERSATION, c.id);
      seen.current = 0;
      setAnnouncement('');
      setTranscript({ ...c, messages: [] });
      setTimeout(() => input.current?.focus(), 0);
    });

  const send = (message: string) =>
    run(async () => {
      if (!transcript) return;
      const reply = await me<AssistantReply>('POST', `/v1/assistant/conversations/${transcript.id}/messages`, { text: message });
      setText('');
      seen.current = Math.max(seen.current, lastSeq(transcript) + 2);
      setAnnouncement(reply.reply);
      await load(transcript.id);
      if (reply.actions.some((a) => a.status === 'done')) onAccountChanged();
    });

  const language = transcript?.language ?? 'en';
  return (
    <Section title="Chat with us" id="chat">
      {/* Present from the start, so screen readers announce what is put into it. */}
      <p class="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
      {transcript === null ? (
        <>
          <p>
            Ask about your plans, payments, refunds or fees in English, Swedish or German. The assistant answers at
            once, makes a change only after you say yes, and hands you to a person whenever you ask.
          </p>
          <button type="button" onClick={start} disabled={busy}>
            Start a chat
          </button>
        </>
      ) : (
        <>
          <Messages messages={transcript.messages} speakers={SPEAKERS} caption="Your conversation" />
          <HandoffNotice conversation={transcript} />
          {transcript.pending_confirmation !== null && transcript.status === 'open' && (
            <div class="actions" role="group" aria-label="Confirm the change the assistant described">
              <button type="button" disabled={busy} onClick={() => send(YES[language] ?? 'yes')}>
                Yes, do it
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => send(NO[language] ?? 'no')}>
                No, leave it
              </button>
            </div>
          )}
          {transcript.status === 'closed' ? (
            <button type="button" onClick={start} disabled={busy}>
              Start a new chat
            </button>
          ) : (
            <form
              class="inline-form chat-form"
              aria-label="Send a message"
              onSubmit={(e) => {
                e.preventDefault();
                send(text);
              }}
            >
              <Field
                label="Your message"
                name="text"
                value={text}
                onInput={setText}
                autoComplete="off"
                inputRef={input}
                error={errorFor(error, 'text')}
              />
              <button type="submit" disabled={busy}>
                Send
              </button>
            </form>
          )}
        </>
      )}
      <Alert message={formError(error, ['text'])} />
    </Section>
  );
}
