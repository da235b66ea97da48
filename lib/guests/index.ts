export { extractGuests } from './extract';
export type { Guest, GuestInput, GuestLink, PersonRecord } from './extract';
export { extractShowGuests, recurringHosts, recurringNames } from './recurring';
