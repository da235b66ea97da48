// Guest extraction on invented episodes: every title and notes form the issue names, and the negatives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractGuests, type GuestInput } from '../../lib/guests';
import { GATED_CUES } from '../../lib/guests/extract';

const names = (input: Partial<GuestInput> & { title: string }) => extractGuests({ notes: '', ...input }).map((g) => g.name);
const one = (input: Partial<GuestInput> & { title: string }) => {
  const guests = extractGuests({ notes: '', ...input });
  expect(guests).toHaveLength(1);
  return guests[0]!;
};

describe('guests named in the title', () => {
  it.each([
    ['Deep Sea Mapping - with Ada Byron (MIT, Oceanlab)'],
    ['Deep Sea Mapping ft. Ada Byron'],
    ['Deep Sea Mapping w/ Ada Byron'],
    ['Interview with Ada Byron'],
    ['Tiefseekarten – zu Gast: Ada Byron'],
    ['Mapas del fondo marino con Ada Byron'],
  ])('%s', (title) => {
    expect(names({ title })).toEqual(['Ada Byron']);
  });

  it.each([
    ['Ada Byron — Deep Sea Mapping (Part 2)', 'Ada Byron joins us to talk about sonar.'],
    ['#212 – Ada Byron: Deep Sea Mapping', 'Ada Byron is a professor of oceanography at MIT.'],
    ['Deep Sea Mapping | Ada Byron', 'This week Ada Byron explains sonar.'],
    ['Ada Byron on Deep Sea Mapping', 'We talk maps with Ada Byron, who runs Oceanlab.'],
  ])('%s (confirmed by the notes)', (title, notes) => {
    expect(names({ title, notes })).toEqual(['Ada Byron']);
  });

  it('does not take a capitalised topic for a name without the notes to confirm it', () => {
    expect(names({ title: 'Deep Sea Mapping — The Long Dark' })).toEqual([]);
    expect(names({ title: 'Harbour Lights: A Field Guide', notes: 'Grace and Alan walk the quay.' })).toEqual([]);
  });

  it('reads two or more guests', () => {
    expect(names({ title: 'Deep Sea Mapping with Ada Byron and Alan Turing' })).toEqual(['Ada Byron', 'Alan Turing']);
    expect(names({ title: 'Cartes des fonds marins avec Ada Byron et Alan Turing' })).toEqual(['Ada Byron', 'Alan Turing']);
    expect(names({ title: 'Panel with Ada Byron, Alan Turing, and Grace Hopper' })).toEqual(['Ada Byron', 'Alan Turing', 'Grace Hopper']);
  });

  it('reads a Japanese guest line', () => {
    expect(names({ title: '深海マッピング ゲスト：山田花子さん' })).toEqual(['山田花子']);
  });

  it('takes affiliations from the title', () => {
    expect(one({ title: 'Deep Sea Mapping - with Ada Byron (MIT, Oceanlab)' }).affiliations).toEqual(['MIT', 'Oceanlab']);
    expect(one({ title: 'Podcast Interview With Ada Byron, Oceanlab' }).affiliations).toEqual(['Oceanlab']);
    expect(one({ title: 'Interview with Ada Byron, Marine Geologist at Oceanlab' }).affiliations).toEqual(['Oceanlab']);
    // Pronouns and episode parts are not affiliations.
    expect(one({ title: 'Sonar with Ada Byron (she/her)' }).affiliations).toEqual([]);
  });
});

describe('guests introduced in the notes', () => {
  it.each([
    'This week we sit down with Ada Byron, Professor of Oceanography at MIT and co-founder of Oceanlab, to talk about sonar.',
    'My guest today is Ada Byron. She maps the sea floor.',
    'I am joined by Ada Byron, the founder of Oceanlab.',
    'Ada Byron is a marine geologist at MIT.',
  ])('%s', (notes) => {
    expect(names({ title: 'Deep Sea Mapping', notes })).toEqual(['Ada Byron']);
  });

  it('summarises who the guest is in one sentence and collects affiliations', () => {
    const g = one({
      title: 'Deep Sea Mapping',
      notes:
        '<p>This week we sit down with Ada Byron, Professor of Oceanography at MIT and co-founder of Oceanlab, to talk about sonar. We also talk about whales.</p><p>Links: oceanlab.example</p>',
    });
    expect(g.summary).toBe('This week we sit down with Ada Byron, Professor of Oceanography at MIT and co-founder of Oceanlab, to talk about sonar.');
    expect(g.affiliations).toEqual(expect.arrayContaining(['MIT', 'Oceanlab']));
    expect(g.evidence.length).toBeGreaterThan(0);
  });

  it('knows one guest under two spellings', () => {
    const g = one({ title: 'Ada Byron: Deep Sea Mapping', notes: 'Augusta Ada (Ada) Byron is a marine geologist at MIT.' });
    expect([g.name, ...g.aliases].sort()).toEqual(['Ada Byron', 'Augusta Ada (Ada) Byron']);
  });
});

describe('who is not a guest', () => {
  it('leaves out hosts, from the list, a hosts line or "hosted by"', () => {
    expect(names({ title: 'Deep Sea Mapping with Grace Hopper', hosts: ['Grace Hopper'] })).toEqual([]);
    expect(names({ title: 'Sonar', notes: 'Grace Hopper talks with Ada Byron about sonar.\nHosts: Grace Hopper' })).toEqual(['Ada Byron']);
    expect(names({ title: 'Sonar with Grace Hopper', notes: 'A show hosted by Grace Hopper.' })).toEqual([]);
  });

  it('leaves out people merely mentioned, and credits', () => {
    expect(
      names({
        title: 'Newton and the sea',
        notes: "We talk about Newton's laws and Yann LeCun's view of the ocean.\nAudio editing: Alan Turing\nIntro theme: Grace Hopper",
      }),
    ).toEqual([]);
  });

  it('finds nobody on host-only and news episodes', () => {
    expect(names({ title: 'News roundup #41', notes: 'Grace and Alan discuss the week in oceans.', hosts: ['Grace Hopper', 'Alan Turing'] })).toEqual([]);
    expect(names({ title: 'What is new in sonar 2.0', notes: 'The release notes, read aloud. Thanks to Ada Byron for the patch.' })).toEqual([]);
  });
});

describe('structured data', () => {
  it('wins over the text: only its guests, with its affiliation', () => {
    const guests = extractGuests({
      title: 'Deep Sea Mapping with Alan Turing',
      notes: 'Ada Byron is a marine geologist at MIT.',
      persons: [
        { name: 'Ada Byron', role: 'guest', affiliation: 'Oceanlab' },
        { name: 'Grace Hopper', role: 'host' },
      ],
    });
    expect(guests.map((g) => [g.name, g.affiliations[0], g.confidence])).toEqual([['Ada Byron', 'Oceanlab', 1]]);
    expect(guests[0]!.summary).toContain('marine geologist');
  });
});

describe('cue gates', () => {
  // Each cue is only tried where its cheap gate passes: a gate that misses text its cue matches would lose guests.
  const fragments = [
    'Ada Byron', 'Alan Turing', 'Augusta Ada (Ada) Byron', 'Łukasz Dvořák', 'Jean-Luc O’Neil', 'with', 'With', 'w/', 'ft.',
    'feat.', 'featuring', 'avec', 'con', 'mit', 'zu Gast:', 'Guest:', 'Interview with', 'by', 'ゲスト：', '山田花子さん', ':', ' | ',
    ' - ', ' – ', ' — ', ',', ' and ', ' et ', ' on ', ' des ', ' von ', 'Deep Sea Mapping', '#212', 'we sit down with',
    'my guest today is', 'joined by', 'joins us', 'lands in the studio', "Noclip's", 'is a', 'was the', 'interviews:', ';',
    'Professor of Oceanography at MIT', '.', ' ', '\n',
  ];
  it('every gate passes whatever its cue matches', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), (parts) => {
        for (const text of [parts.join(' '), parts.join('')]) {
          for (const [gate, cue] of [...GATED_CUES.title, ...GATED_CUES.notes]) {
            cue.lastIndex = 0;
            if (cue.test(text)) expect(gate.test(text), `${gate} on ${JSON.stringify(text)}`).toBe(true);
            cue.lastIndex = 0;
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
