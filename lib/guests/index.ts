export { extractGuests } from './extract';
export type { Guest, GuestInput, PersonRecord } from './extract';
