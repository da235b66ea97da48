import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Response } from '../lib/messages';
import { askBackground } from '../lib/ask-background';
import { groupByEpisode, liveMoments, searchMoments, type Moment } from '../lib/moments/model';
import { toCsv, toJson, toMarkdown, toObsidian, toReadwiseCsv } from '../lib/moments/transfer';
import { momentClock } from '../lib/moments/share';
import { playerById } from '../lib/players/registry';
import { fragmentLinkAt } from '../lib/players/page-text';
import { PageTitle } from './PageTitle';
import { playerName } from './player-name';
import { CopiedNote, CopyButtons, momentData } from './SavedMoments';


/** Opens the episode at the moment: the player's own time parameter where it has one, else Earmark's fragment. */
export const momentLink = (m: Moment) => playerById(m.episode.player)?.linkAt?.(m.episode.url, m.time) ?? fragmentLinkAt(m.episode.url, m.time);


function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Sort = 'recent' | 'oldest' | 'title';

/** The library (`/moments.html`): every saved moment by episode, searchable, editable, exportable. */
export function MomentsLibrary() {
  const [all, setAll] = useState<Moment[] | undefined>();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('recent');
  const [message, setMessage] = useState<{ text: string; error?: boolean; undo?: string } | undefined>();
  const [copied, setCopied] = useState<Parameters<typeof CopiedNote>[0]['copied']>();

  /** The save shortcut as the listener has it now ('' when none is set); undefined until the background says. */
  const [shortcut, setShortcut] = useState<string | undefined>();
  useEffect(() => {
    void askBackground({ type: 'earmark:save-shortcut' }).then(setShortcut, () => undefined);
  }, []);
  const [sync, setSync] = useState<Response<'earmark:moments-sync'> | undefined>();
  useEffect(() => {
    void askBackground({ type: 'earmark:moments-sync' }).then(setSync, () => undefined);
  }, [all]);
  const toggleSync = async (enabled: boolean) => setSync(await askBackground({ type: 'earmark:moments-sync', enabled }));

  // Tombstones included: the JSON export carries deletes; every view below shows live moments only.
  const reload = () => askBackground({ type: 'earmark:moments', includeDeleted: true }).then((list) => setAll(Array.isArray(list) ? list : []), () => setAll([]));
  useEffect(() => {
    void reload();
    // Saves from any tab show up here at once.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'moments' in changes) void reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const groups = useMemo(() => {
    const found = groupByEpisode(searchMoments(all ?? [], query));
    if (sort === 'oldest') found.reverse();
    if (sort === 'title') found.sort((a, b) => a.episode.title.localeCompare(b.episode.title));
    return found;
  }, [all, query, sort]);

  // Delete removes the focused button with its moment, and Undo removes itself: focus goes where the listener's next
  // step is (the toast's Undo, then the restored moment) rather than back to the top of the page.
  const undoButton = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [focusNext, setFocusNext] = useState<{ undo: true } | { moment: string } | undefined>();
  useEffect(() => {
    if (!focusNext) return;
    const target = 'undo' in focusNext ? undoButton.current : document.querySelector<HTMLElement>(`li[data-moment-id="${CSS.escape(focusNext.moment)}"] a.when`);
    if (!target) return; // not rendered yet: the next render tries again
    target.focus();
    setFocusNext(undefined);
  }, [focusNext, message, groups]);
  // Escape dismisses the toast (the delete stays); focus in it goes to the search field.
  useEffect(() => {
    if (!message) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (document.activeElement?.closest('.toast')) search.current?.focus();
      setMessage(undefined);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [message]);

  const remove = async (m: Moment, event: Event) => {
    const hadFocus = document.activeElement === event.currentTarget;
    if (await askBackground({ type: 'earmark:moment-change', change: { kind: 'delete', id: m.id } })) {
      setMessage({ text: `Deleted the moment at ${momentClock(m)} in “${m.episode.title}”.`, undo: m.id });
      if (hadFocus) setFocusNext({ undo: true });
    }
  };
  const undo = async (id: string) => {
    const hadFocus = document.activeElement === undoButton.current;
    await askBackground({ type: 'earmark:moment-change', change: { kind: 'restore', id } });
    setMessage(undefined);
    if (hadFocus) setFocusNext({ moment: id });
  };
  const saveNote = (m: Moment, note: string) => {
    if (note !== m.note) void askBackground({ type: 'earmark:moment-change', change: { kind: 'note', id: m.id, note } });
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await askBackground({ type: 'earmark:moments-import', text: await file.text() });
    setMessage(
      !result
        ? { text: 'Earmark could not reach its background page: nothing was imported.', error: true }
        : result.ok
          ? { text: `Imported ${file.name}: ${result.added} new, ${result.updated} updated.` }
          : { text: result.error, error: true },
    );
  };
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <main>
      <PageTitle>Saved moments</PageTitle>
      <div class="toolbar">
        <input ref={search} type="search" placeholder="Search titles, notes, chapters, guests" aria-label="Search moments" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <label>
          Sort{' '}
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="recent">Latest saved first</option>
            <option value="oldest">Oldest saved first</option>
            <option value="title">Episode title</option>
          </select>
        </label>
      </div>
      <div class="toolbar">
        <span>Export:</span>
        <button type="button" data-export="md" onClick={() => download(`earmark-moments-${stamp}.md`, 'text/markdown', toMarkdown(all ?? [], momentLink))}>
          Markdown
        </button>
        <button type="button" data-export="csv" onClick={() => download(`earmark-moments-${stamp}.csv`, 'text/csv', toCsv(liveMoments(all ?? []), momentLink))}>
          CSV
        </button>
        <button type="button" data-export="json" onClick={() => download(`earmark-moments-${stamp}.json`, 'application/json', toJson(all ?? [], new Date()))}>
          JSON
        </button>
        <button type="button" data-export="readwise" title="A CSV file for Readwise’s import" onClick={() => download(`earmark-readwise-${stamp}.csv`, 'text/csv', toReadwiseCsv(all ?? [], momentLink))}>
          Readwise CSV
        </button>
        <button type="button" data-export="obsidian" title="A Markdown note for an Obsidian vault" onClick={() => download(`earmark-moments-${stamp}.obsidian.md`, 'text/markdown', toObsidian(all ?? [], momentLink, new Date()))}>
          Obsidian
        </button>
        <label>
          Import JSON <input type="file" accept="application/json,.json" data-import onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
        </label>
      </div>
      <div class="toolbar">
        <label>
          <input type="checkbox" data-sync checked={sync?.enabled ?? false} disabled={!sync} onChange={(e) => void toggleSync(e.currentTarget.checked)} /> Sync
          moments between my browsers (through the browser’s own sync)
        </label>
      </div>
      {sync?.problem && (
        <p class="error" role="alert">
          {sync.problem}
        </p>
      )}
      {all === undefined && <p class="status">Loading…</p>}
      {all !== undefined && groups.length === 0 && (
        <p class="status">{query && liveMoments(all).length > 0 ? 'No moment matches.' : `No saved moments yet: press ★ Save moment in the panel${shortcut ? `, or ${shortcut} while listening` : ''}.`}</p>
      )}
      {groups.map((g) => (
        <section key={g.episode.url}>
          <h2>
            {g.episode.title}
            {g.episode.show && <span class="meta"> · {g.episode.show}</span>}
            {/* The same episode saved in two players is two groups: the player tells them apart. */}
            {g.episode.player !== 'generic' && playerById(g.episode.player) && <span class="meta"> · {playerName(playerById(g.episode.player)!)}</span>}
          </h2>
          <ol class="moment-rows">
            {g.moments.map((m) => (
              <li key={m.id} data-moment-id={m.id} {...momentData(m)}>
                <a class="when" href={momentLink(m)} target="_blank" rel="noopener noreferrer" title="Open the episode here">
                  ★ {momentClock(m)}
                </a>
                <div>
                  {(m.chapterTitle || m.guests?.length) && (
                    <div class="meta">
                      {m.chapterTitle}
                      {m.guests?.length ? ` · with ${m.guests.join(', ')}` : ''}
                    </div>
                  )}
                  <textarea
                    aria-label={`Note for ${momentClock(m)}`}
                    placeholder="Add a note"
                    maxLength={10_000}
                    // Uncontrolled: a re-render (another tab saving, a sync) must not wipe a note being typed.
                    defaultValue={m.note}
                    onBlur={(e) => saveNote(m, e.currentTarget.value)}
                  />
                </div>
                <div class="actions">
                  <CopyButtons moment={m} linkOf={momentLink} onCopied={setCopied} />
                  <button type="button" aria-label={`Delete the moment at ${momentClock(m)}`} onClick={(e) => void remove(m, e)}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <CopiedNote copied={copied} />
      {message && (
        <div class={message.error ? 'toast error' : 'toast'} role="status">
          {message.text}{' '}
          {message.undo && (
            <button type="button" ref={undoButton} onClick={() => void undo(message.undo!)}>
              Undo
            </button>
          )}
        </div>
      )}
    </main>
  );
}
