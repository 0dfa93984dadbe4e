import { ServiceType } from '@enterpark/common';
import { MailKind } from '@enterpark/mail';

export interface Named {
  id: string;
  name: string;
}

/** What an email or the provider's page says about a ticket, re-read when the event is handled. */
export interface TicketFacts {
  id: string;
  title: string;
  description: string | null;
  tags: string[];
  type: ServiceType;
  status: string;
  zone: Named & { city: string };
  demandListTitle: string;
  desk: ServiceType | null;
  assignee: Named | null;
  provider: Named | null;
  /** The running stage's working-day deadline (null: no stage timed, or the calendar lacks the year). */
  slaDueAt: Date | null;
}

/** A proposal as its provider sees it. */
export interface ProposalFacts {
  matchId: string;
  status: string;
  proposedAt: Date;
  expiresAt: Date | null;
  provider: Named & { email: string };
  ticket: TicketFacts;
}

/** One addressee: an account (userId) or a service provider (no account, key = provider id). */
export interface Recipient {
  key: string;
  userId: string | null;
  address: string;
  name: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface Link {
  label: string;
  url: string;
}

/** What one message says, independent of HTML or plain text. */
export interface NotificationView {
  kind: MailKind;
  subject: string;
  heading: string;
  greeting: string;
  paragraphs: string[];
  quote: { label: string; text: string } | null;
  facts: Fact[];
  action: Link | null;
  notes: string[];
}

/** Why the recipient got it and how to stop it (accounts) or who it is for (providers). */
export interface FooterView {
  lines: string[];
  links: Link[];
}
