/**
 * A capability of Earmark's page-world helper (entrypoints/page-bridge.ts): a module the helper switches on when the
 * adapter's `bridge` declaration names it. It may hook the page's world when it starts, and answers the commands it
 * knows; anything it does not know is left to the others. Capabilities that only one player needs live beside that
 * player in lib/players/; shared mechanisms live here.
 */
import type { PageCommand, PageMessage } from './bridge-protocol';

export interface CapabilityHost {
  /** Sends a message to the content script. */
  send(message: PageMessage): void;
}

export interface Capability {
  /** Answers `command` when it is one of this capability's; false when it is not (another may take it). */
  handle(command: PageCommand): boolean;
}

export type CapabilityFactory = (host: CapabilityHost) => Capability;
