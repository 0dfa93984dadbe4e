import type { components } from './schema';

/** Names for the generated schemas the pages use (one place, so a rename in the API breaks here). */
type Schemas = components['schemas'];
export type User = Schemas['UserResponse'];
export type Role = User['role'];
export type ServiceType = Schemas['TicketResponse']['type'];
export type Ticket = Schemas['TicketResponse'];
export type TicketWithHistory = Schemas['TicketWithHistoryResponse'];
export type TicketStatus = Ticket['status'];
export type TicketAction = Ticket['allowedActions'][number];
export type HistoryEntry = Schemas['TicketHistoryResponse'];
export type Activity = Schemas['ActivityResponse'];
export type ActivityKind = Activity['kind'];
export type TicketMatch = Schemas['TicketMatchResponse'];
export type SimilarTicket = Schemas['SimilarTicketResponse'];
export type DemandList = Schemas['DemandListResponse'];
export type DemandListWithTickets = Schemas['DemandListWithTicketsResponse'];
export type ListedTicket = Schemas['ListedTicketResponse'];
export type DemandItemRequest = Schemas['DemandItemRequest'];
export type Zone = Schemas['ZoneResponse'];
export type CalendarYear = Schemas['CalendarYearResponse'];
export type MailPreferences = Schemas['MailPreferencesResponse'];
export type ErrorBody = Schemas['ErrorResponse'];
export type ErrorDetail = Schemas['ErrorDetailResponse'];
export type DemandListImportPreview = Schemas['DemandListImportPreviewResponse'];
export type ImportedItem = Schemas['ImportedItemResponse'];
