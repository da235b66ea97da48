/**
 * How much of an episode the guests engine reads, shared by the runtime and the message that carries an episode to
 * the background (lib/messages.ts) without pulling the engine into every bundle.
 *
 * Show notes name their guests near the top; the longest notes in the guests corpora are under 9 KB, so this cap
 * changes no figure there, and it keeps a transcript pasted into the notes (hundreds of KB of names said in
 * passing) from costing seconds of work.
 */
export const MAX_GUEST_NOTES = 32 * 1024;

/**
 * The longest of each field an episode carries to the background (`earmark:guests` in lib/messages.ts): the
 * message's schema checks them, and the runtime cuts what it sends to them (lib/content/start.ts).
 */
export const GUEST_INPUT_LIMITS = {
  title: 2_000,
  show: 500,
  hosts: 20,
  name: 200,
  persons: 50,
  role: 100,
  affiliation: 500,
  description: 2_000,
} as const;
