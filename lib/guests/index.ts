export { extractGuests } from './extract';
export type { Guest, GuestInput, GuestLink, PersonRecord } from './extract';
export { recurringHosts, recurringNames } from './recurring';
