// Pages for modules a server may run without: the fraud review queue and rule editor,
// and the assistant's hand-off inbox. A page's entry appears in the navigation once its
// endpoint answers this operator (the assistant's answer 503 when it is off).
import type { ComponentChildren } from 'preact';
import { FraudReviews } from './fraud_reviews';
import { FraudRulesPage } from './fraud_rules';
import { Handoffs } from './handoffs';

export interface OptionalPage {
  route: string;
  title: string;
  probe: string;
  render: (route: string) => ComponentChildren;
}

export const OPTIONAL_PAGES: OptionalPage[] = [
  { route: '/fraud-reviews', title: 'Fraud reviews', probe: '/v1/admin/fraud/reviews?limit=1', render: (r) => <FraudReviews route={r} /> },
  { route: '/fraud-rules', title: 'Fraud rules', probe: '/v1/admin/fraud/rules', render: () => <FraudRulesPage /> },
  { route: '/handoffs', title: 'Hand-offs', probe: '/v1/admin/handoffs?limit=1', render: (r) => <Handoffs route={r} /> },
];
