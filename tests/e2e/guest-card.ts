// The guest card of the Overcast fixture episode as both browsers' suites check it (players.e2e.test.ts in
// Chromium, firefox.e2e.test.ts in Firefox): who, what the notes say of them, and why Earmark thinks so.
import { expect } from 'vitest';

export interface GuestCard {
  name: string | undefined;
  text: string | null;
  evidence: string | null | undefined;
}

/** Run in the page: the panel's first guest card, or null. */
export const readGuestCard = (): GuestCard | null => {
  const card = document.querySelector('earmark-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-guest]');
  return card && { name: card.dataset.guest, text: card.textContent, evidence: card.querySelector('details li')?.textContent };
};

/** The card the Overcast fixture's notes call for. */
export function expectOvercastGuestCard(guest: GuestCard | null): void {
  expect(guest?.name).toBe('Ada Byron');
  expect(guest?.text).toContain('harbour archivist at the Tiny Harbour Museum');
  expect(guest?.evidence).toContain('we sit down with Ada Byron');
}
