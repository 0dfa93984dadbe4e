/** What kind of message a stored mail is; one per template family. */
export type MailKind =
  | 'digest'
  | 'match_proposed'
  | 'info_requested'
  | 'awaiting_confirmation'
  | 'list_completed'
  | 'sla_reminder'
  | 'sla_escalation'
  | 'ticket_assigned'
  | 'calendar_missing'
  | 'bulletin'
  | 'problem_resolved';

/** What a recipient can switch off in their preferences (and with the one-click unsubscribe link). */
export const MAIL_CATEGORIES = ['digest', 'notification', 'assignment'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/** A PNG shown inline in the HTML part as `<img src="cid:{cid}">`. */
export interface InlineImage {
  cid: string;
  filename: string;
  contentBase64: string;
}

/** A file sent with the message (a bulletin's .docx). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/**
 * A composed message, ready to be stored. Only this library turns it into headers: the
 * subject and names are single-line text (control characters become spaces), the address
 * is checked, and nothing a user typed ever becomes a header of its own.
 */
export interface MailDraft {
  kind: MailKind;
  category: MailCategory;
  /** Makes "once per event / per digest" an index: a second store with the same key is a no-op. */
  dedupeKey: string;
  /** The account this is for; null for a service provider (no account). Preferences and the unsubscribe link need it. */
  recipientUserId: string | null;
  to: { address: string; name?: string };
  subject: string;
  html: string;
  text: string;
  inlineImages?: InlineImage[];
  attachments?: MailAttachment[];
}
