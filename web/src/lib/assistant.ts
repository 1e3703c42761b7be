// The assistant's wire shapes (src/api/openapi.json: Assistant*), read by the portal's
// chat and the console's hand-off inbox.

export interface AssistantAction {
  type: string;
  status: 'proposed' | 'done' | 'failed' | 'cancelled' | 'refused';
  details: Record<string, unknown> | null;
}

export interface AssistantMessage {
  seq: number;
  role: 'consumer' | 'assistant' | 'agent';
  text: string;
  language: string;
  created_at: string;
  intent?: string;
  actions?: AssistantAction[];
  handoff?: boolean;
}

// What the assistant gathered before handing off (assist/chat.cc Summary).
export interface HandoffSummary {
  reason?: string;
  intent?: string;
  intents?: string[];
  language?: string;
  facts?: Array<{ plan_id: string; merchant: string; outstanding: number; fees_unpaid: number; currency: string; focus: boolean }>;
  tried?: Array<{ type: string; status: string }>;
}

export interface AssistantHandoff {
  reason: string;
  status: string;
  summary: HandoffSummary | null;
  claimed_by: string | null;
  handed_off_at: string | null;
}

export type ConversationStatus = 'open' | 'handed_off' | 'claimed' | 'closed';

export interface Conversation {
  id: string;
  status: ConversationStatus;
  language: string;
  turns: number;
  created_at: string;
  handoff: AssistantHandoff | null;
  // A change stated and waiting for the consumer's yes (kept across reloads).
  pending_confirmation: PendingConfirmation | null;
  outcome: string | null;
}

export interface Transcript extends Conversation {
  messages: AssistantMessage[];
}

export interface HandoffItem extends Transcript {
  consumer_id: string;
}

export interface PendingConfirmation {
  type: string;
  plan_id: string;
  amount?: number;
  days?: number;
}

export interface AssistantReply {
  conversation_id: string;
  reply: string;
  language: string;
  intent: string;
  actions: AssistantAction[];
  pending_confirmation: PendingConfirmation | null;
  handoff: AssistantHandoff | null;
}

// The API's hand-off reasons in words.
export const HANDOFF_REASONS: Record<string, string> = {
  requested: 'asked for a person',
  fee_waiver: 'fee waiver',
  hardship: 'hardship',
  close_account: 'account closure',
  delete_data: 'data deletion',
  bereavement: 'bereavement',
  complaint: 'complaint',
  legal_threat: 'legal threat',
  fraud: 'reported fraud',
  misunderstanding: 'repeated misunderstanding',
};

export function handoffReason(reason: string): string {
  return HANDOFF_REASONS[reason] ?? reason.replace(/_/g, ' ');
}
