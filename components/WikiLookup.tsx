import { useState } from 'preact/hooks';
import type { WikiAnswer } from '../lib/messages';

export interface WikiLookupProps {
  name: string;
  lookup: (name: string) => Promise<WikiAnswer>;
}

type State = { step: 'idle' } | { step: 'busy' } | { step: 'done'; answer: WikiAnswer };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.replace(/_/g, ' ').trim().toLowerCase();

/** Only an https link leaves our UI (the answer came from the network). */
const safeHref = (url: string) => (/^https:\/\//i.test(url) ? url : undefined);

/**
 * Optional enrichment inside a guest card: nothing is sent anywhere until the listener presses "Look up".
 * The state is on the element (`data-wiki`): idle, busy, found, ambiguous, missing, permission or error.
 */
export function WikiLookup({ name, lookup }: WikiLookupProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const run = async (event: MouseEvent) => {
    // The panel lives in the page: a page script could click for the listener. Only real clicks send anything.
    if (!event.isTrusted) return;
    setState({ step: 'busy' });
    const answer = await lookup(name).catch(
      (): WikiAnswer => ({ ok: false, reason: 'error', message: 'Earmark could not ask Wikipedia (try reloading the page).' }),
    );
    setState({ step: 'done', answer });
  };
  const kind = state.step !== 'done' ? state.step : state.answer.ok ? state.answer.result.kind : state.answer.reason;

  return (
    <div class="wiki" data-wiki={kind} aria-live="polite">
      {state.step === 'idle' && (
        <button type="button" class="wiki-lookup" onClick={(e) => void run(e)} title="Sends this name to Wikipedia">
          Look up on Wikipedia
        </button>
      )}
      {state.step === 'busy' && <p class="wiki-note">Asking Wikipedia…</p>}
      {state.step === 'done' && !state.answer.ok && (
        <>
          <p class="wiki-note">{state.answer.message}</p>
          <button type="button" class="wiki-lookup" onClick={(e) => void run(e)}>
            Look up again
          </button>
        </>
      )}
      {state.step === 'done' && state.answer.ok && state.answer.result.kind === 'found' && (
        <div class="wiki-found">
          {state.answer.result.photo && <img
              class="wiki-photo"
              src={state.answer.result.photo}
              alt=""
              width={48}
              height={48}
              loading="lazy"
              referrerpolicy="no-referrer"
            />}
          <div>
            {!sameName(name, state.answer.result.title) && (
              <p class="wiki-note">Wikipedia’s article is “{state.answer.result.title}”: check it is the same person.</p>
            )}
            {state.answer.result.description && <p class="wiki-description">{state.answer.result.description}</p>}
            {state.answer.result.bio && <p class="wiki-bio">{state.answer.result.bio}</p>}
            {safeHref(state.answer.result.url) && (
              <a href={safeHref(state.answer.result.url)} target="_blank" rel="noopener noreferrer">
                Read more on Wikipedia
              </a>
            )}
          </div>
        </div>
      )}
      {state.step === 'done' && state.answer.ok && state.answer.result.kind === 'ambiguous' && (
        <p class="wiki-note">
          Several people are called “{state.answer.result.title}” on Wikipedia; Earmark will not guess which one.{' '}
          {safeHref(state.answer.result.url) && (
            <a href={safeHref(state.answer.result.url)} target="_blank" rel="noopener noreferrer">
              See the list
            </a>
          )}
        </p>
      )}
      {state.step === 'done' && state.answer.ok && state.answer.result.kind === 'missing' && (
        <p class="wiki-note">Wikipedia has no article about {name}.</p>
      )}
    </div>
  );
}
