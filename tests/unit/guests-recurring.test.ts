// Hosts from recurrence: on a page listing several episodes of one show, a name found in most episodes is the
// show's own voice. Invented episodes.
import { describe, expect, it } from 'vitest';
import { extractGuests, recurringHosts, recurringNames } from '../../lib/guests';
import { RECURRENCE_SAMPLE } from '../../lib/guests/recurring';

describe('recurringNames', () => {
  it('takes names found in more than half of at least four episodes, in their first spelling', () => {
    expect(recurringNames([['Ada Byron', 'Grace Hopper'], ['ada byron'], ['Alan Turing', 'Ada Byron'], ['Edsger Dijkstra']])).toEqual(['Ada Byron']);
  });

  it('says nothing from fewer than four episodes (a two-part guest) or from a name in half of them', () => {
    expect(recurringNames([['Ada Byron'], ['Ada Byron'], ['Grace Hopper']])).toEqual([]);
    expect(recurringNames([['Ada Byron'], ['Ada Byron'], ['Grace Hopper'], ['Alan Turing']])).toEqual([]);
  });

  it('counts a name once per episode', () => {
    expect(recurringNames([['Ada Byron', 'Ada Byron', 'Ada Byron'], ['Grace Hopper'], ['Alan Turing'], ['Edsger Dijkstra']])).toEqual([]);
  });
});

describe('hosts from recurrence, as the runtime reads a show page', () => {
  const episodes = [
    { title: 'Compilers, by hand', notes: 'Guests: Ada Byron and Grace Hopper.' },
    { title: 'Machines that think', notes: 'Guests: Ada Byron and Alan Turing.' },
    { title: 'Shortest paths', notes: 'Guests: Ada Byron and Edsger Dijkstra.' },
    { title: 'Substitution', notes: 'Guests: Ada Byron and Barbara Liskov.' },
  ];

  it("drops the name on every card and keeps each episode's own guest", () => {
    // The precondition: read alone, each episode lists both names.
    expect(episodes.map((e) => extractGuests(e).map((g) => g.name))).toEqual([
      ['Ada Byron', 'Grace Hopper'],
      ['Ada Byron', 'Alan Turing'],
      ['Ada Byron', 'Edsger Dijkstra'],
      ['Ada Byron', 'Barbara Liskov'],
    ]);
    const hosts = recurringHosts(episodes);
    expect(hosts).toEqual(['Ada Byron']);
    expect(episodes.map((e) => extractGuests({ ...e, hosts }).map((g) => g.name))).toEqual([['Grace Hopper'], ['Alan Turing'], ['Edsger Dijkstra'], ['Barbara Liskov']]);
  });

  it('reads episodes alone when nobody recurs', () => {
    const alone = episodes.map((e, i) => ({ ...e, notes: e.notes.replace('Ada Byron and ', i === 0 ? 'Ada Byron and ' : '') }));
    expect(recurringHosts(alone)).toEqual([]);
  });
});

describe('recurringHosts', () => {
  const names = ['Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth', 'Frances Allen', 'John Backus', 'Niklaus Wirth', 'Tony Hoare', 'Leslie Lamport', 'Ken Thompson', 'Dennis Ritchie', 'Margaret Hamilton', 'Jean Sammet', 'Adele Goldberg', 'Radia Perlman'];
  const episode = (i: number, withAda: boolean) => ({ title: `Episode ${i}`, notes: `Guests: ${withAda ? 'Ada Byron and ' : ''}${names[i]}.` });

  it('finds a name on most of the first episodes', () => {
    expect(recurringHosts(names.map((_, i) => episode(i, true)))).toEqual(['Ada Byron']);
  });

  it(`reads only the first ${RECURRENCE_SAMPLE} episodes (a show page may list a hundred)`, () => {
    // On most episodes overall, but not on most of the first twelve.
    const episodes = names.map((_, i) => episode(i, i >= 7));
    expect(episodes.filter((e) => e.notes.includes('Ada')).length * 2).toBeGreaterThan(episodes.length);
    expect(recurringHosts(episodes)).toEqual([]);
  });
});
