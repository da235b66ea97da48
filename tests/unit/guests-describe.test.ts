// Who a guest is: the title's topic beside the presenting clause, owners and roles written before the name, and
// the sentence that goes on about them. Invented episodes.
import { describe, expect, it } from 'vitest';
import { extractGuests } from '../../lib/guests';
import { clip, describeGuest, titleTopic } from '../../lib/guests/describe';
import { findOccurrences, groupCandidates } from '../../lib/guests/candidates';
import { unwrapLines } from '../../lib/guests/extract';

describe('titleTopic', () => {
  it('takes the part of the title that names the guest, without the name and its cue', () => {
    expect(titleTopic('e12: Tide pools with Ada Byron', 'Ada Byron')).toBe('Tide pools');
    expect(titleTopic('Sailing by the Stars by Ada Byron', 'Ada Byron')).toBe('Sailing by the Stars');
    expect(titleTopic('#40 - Ambassador Ada Byron on thirty years of treaties', 'Ada Byron')).toBe('thirty years of treaties');
    expect(titleTopic('Harbour Talk Episode 8 - Interview de Ada Byron sur les phares', 'Ada Byron')).toBe('les phares');
    expect(titleTopic('#68 Der Reiz der Gezeiten mit Ada Byron', 'Ada Byron')).toBe('Der Reiz der Gezeiten');
    // A role between the cue and the name goes with the cue.
    expect(titleTopic('E04: Talking tide tables with developer Ada Byron', 'Ada Byron')).toBe('Talking tide tables');
  });

  it('takes the next part when the name stands alone in its part', () => {
    expect(titleTopic('Ada Byron: leaving a big lab for a small boat', 'Ada Byron')).toBe('leaving a big lab for a small boat');
  });

  it('stops at the first cue, so other guests are not the topic', () => {
    expect(titleTopic('Buoys with Ada Byron and Alan Turing', 'Alan Turing')).toBe('Buoys');
  });

  it('reads possessives and brackets, and leaves out honorifics, co-guests, part numbers and show names', () => {
    expect(titleTopic("Ada Byron's guide to tide pools", 'Ada Byron')).toBe('guide to tide pools');
    expect(titleTopic('Tide pools (with Ada Byron)', 'Ada Byron')).toBe('Tide pools');
    expect(titleTopic('Dr. Ada Byron', 'Ada Byron')).toBeUndefined();
    expect(titleTopic('Grace Hopper, Ada Byron and Alan Turing', 'Ada Byron')).toBeUndefined();
    expect(titleTopic('Ada Byron and Alan Turing on machines', 'Ada Byron')).toBe('machines');
    expect(titleTopic('Ada Byron: Part 2', 'Ada Byron')).toBeUndefined();
    expect(titleTopic('Ada Byron | The Harbour Show', 'Ada Byron')).toBeUndefined();
    expect(titleTopic('Ada Byron, Oceanlab', 'Ada Byron')).toBeUndefined();
  });

  it('keeps the name before an "and" out of the topic, even when it ends in a role word', () => {
    // "Farmer" is a surname here: the role pop would have kept "Philip Jose" and cut his name in two.
    expect(titleTopic('Tales No 12 Philip Jose Farmer and Ada Byron', 'Ada Byron')).toBe('Tales No 12');
    expect(titleTopic('Night Reading with Grace Baker and Ada Byron', 'Ada Byron')).toBe('Night Reading');
  });

  it('gives nothing for a format word, a name not in the title, or a bracketed aside', () => {
    expect(titleTopic('Podcast Interview with Ada Byron', 'Ada Byron')).toBeUndefined();
    expect(titleTopic('Tide pools', 'Ada Byron')).toBeUndefined();
    expect(titleTopic('Ada Byron (part 2)', 'Ada Byron')).toBeUndefined();
  });
});

describe('describeGuest, through extractGuests', () => {
  it('adds the title topic to a clause from the notes', () => {
    const [guest] = extractGuests({ title: 'Tide pools with Ada Byron', notes: 'Ada Byron, a marine biologist at Oceanlab, joins us.' });
    expect(guest?.summary).toBe('a marine biologist at Oceanlab — Tide pools');
  });

  it("takes an owner written before the name as an affiliation (\"Oceanlab's Ada Byron\")", () => {
    const [guest] = extractGuests({ title: 'Sonar, explained', notes: "This week Oceanlab's Ada Byron joins us to talk about sonar." });
    expect(guest?.name).toBe('Ada Byron');
    expect(guest?.affiliations).toContain('Oceanlab');
  });

  it("takes no affiliation from the show's own name", () => {
    const notes = 'Ada Byron goes over the buoys of Oceanlab. In this episode of Sailing in Circles, Ada Byron walks us through the lab of the Harbour Weekly.';
    const input = { title: 'Buoys, explained', notes, hosts: ['Grace Hopper'] };
    const [plain] = extractGuests(input);
    // Without the show's name, its words read as organisations.
    expect(plain?.affiliations).toEqual(expect.arrayContaining(['Oceanlab', 'Sailing']));
    const [guest] = extractGuests({ ...input, show: 'Sailing in Circles' });
    expect(guest?.affiliations).toContain('Oceanlab');
    expect(guest?.affiliations).not.toContain('Sailing');
    const [weekly] = extractGuests({ ...input, show: 'The Harbour Weekly' });
    expect(weekly?.affiliations.some((a) => /Harbour Weekly/.test(a))).toBe(false);
  });

  it('takes no title words before an owner as an affiliation', () => {
    const [guest] = extractGuests({ title: "Tide Pools With Oceanlab's Ada Byron", notes: 'Ada Byron, a marine biologist, joins us.' });
    expect(guest?.affiliations.some((a) => /Tide Pools/.test(a))).toBe(false);
  });

  it('reads a long presenting clause to its end, never cutting a word', () => {
    const clause = 'who joined Oceanlab after ten years of charting northern currents for the Tidewater Hydrographic Institute';
    const [guest] = extractGuests({ title: 'Currents with Ada Byron', notes: `Today's guest is Ada Byron, ${clause}.` });
    // The features read a few words after a name; a clause cut there ended mid-word ("… the Tidewater Hydr").
    expect(guest?.summary).toBe(clause);
    expect(guest?.affiliations).toEqual(['Tidewater Hydrographic Institute']);
  });

  it('keeps co-guests out of an affiliation', () => {
    const guests = extractGuests({ title: 'Buoys with Ada Byron and Alan Turing', notes: 'Ada Byron from Oceanlab and Alan Turing from Bletchley Works join us to talk about buoys.' });
    expect(guests.map((g) => g.name)).toEqual(['Ada Byron', 'Alan Turing']);
    for (const g of guests) {
      expect(g.affiliations).toContain(g.name === 'Ada Byron' ? 'Oceanlab' : 'Bletchley Works');
      expect(g.affiliations.some((a) => /Turing|Byron/.test(a))).toBe(false);
    }
  });

  it('reads no affiliation from the rest of a list of names in the title', () => {
    const guests = extractGuests({ title: 'Engines with Ada Byron, Grace Hopper, and Alan Turing', notes: 'Three engine builders talk shop.' });
    expect(guests.map((g) => g.name)).toEqual(['Ada Byron', 'Grace Hopper', 'Alan Turing']);
    // "Grace Hopper, and Alan Turing": what follows the comma is the next guest, not Grace Hopper's organisation.
    for (const g of guests) expect(g.affiliations).toEqual([]);
  });

  it('takes no role for an organisation, keeps "C++" whole, and leaves out the show named with more after it', () => {
    const [designer] = extractGuests({ title: 'Buoys with Ada Byron', notes: 'Ada Byron works at Oceanlab as a designer of Tide Charts Designer.' });
    expect(designer?.affiliations).toContain('Oceanlab');
    expect(designer?.affiliations).not.toContain('Tide Charts Designer');
    const [titled] = extractGuests({ title: 'Ada Byron, Tide Charts Designer', notes: 'Ada Byron studied oceanography at Tidewater University.' });
    expect(titled?.affiliations).toEqual(['Tidewater University']);
    const [cpp] = extractGuests({ title: 'Compilers with Ada Byron', notes: 'Ada Byron, a compiler engineer, talks about the survey of Harbour C++ users.' });
    expect(cpp?.affiliations).toContain('Harbour C++');
    const [segment] = extractGuests({
      title: 'Buoys with Ada Byron',
      notes: 'In this episode of Harbour Hour’s Quick Bites, Ada Byron, a marine biologist at Oceanlab, joins us.',
      show: 'Harbour Hour',
    });
    expect(segment?.affiliations).toContain('Oceanlab');
    expect(segment?.affiliations.some((a) => /Harbour Hour/.test(a))).toBe(false);
  });

  it("keeps an affiliation that merely contains the letters of a guest's short name", () => {
    const [guest] = extractGuests({ title: '#12 - Prof Ng on tides', notes: "Today's guest is Ada Ng, a professor at Kingston Marine Laboratory, who maps tides. Ng explains how." });
    expect(guest?.aliases).toContain('Ng');
    expect(guest?.affiliations).toContain('Kingston Marine Laboratory');
  });

  it('reads no role from the name before an "and" in a list, and keeps two roles joined by one', () => {
    const notes = 'This week: a story by the novelist Philip Jose Farmer and Ada Byron. Interview with Ada Byron, a marine biologist.';
    const guests = extractGuests({ title: 'Deep Water', notes });
    const ada = guests.find((g) => g.name === 'Ada Byron');
    expect(ada?.summary).toBe('a marine biologist');
    const [farmer] = extractGuests({ title: 'Farm talk', notes: 'Our host interviews farmer and author Ada Byron about soil.' });
    expect(farmer?.summary).toMatch(/^farmer and author Ada Byron/);
  });

  it('reads the comma that presents a name written in markdown bold', () => {
    const [guest] = extractGuests({ title: 'Ada Byron - The Board (Part 1)', notes: 'This time I talk with\n**Ada Byron**, a well known contributor to the **Oceanlab** project.' });
    expect(guest?.summary).toBe('a well known contributor to the Oceanlab project');
  });

  it('takes a lower-case phrase set after the name by a comma when no role word is known, not the title', () => {
    const [guest] = extractGuests({ title: 'Ada Byron - O Conselho (Parte 1)', notes: 'Neste episódio conversamos com Ada Byron, contribuinte conhecida do projeto Oceanlab.' });
    expect(guest?.summary).toBe('contribuinte conhecida do projeto Oceanlab');
    // A comma that goes on with the sentence describes nothing.
    const [other] = extractGuests({ title: 'Ada Byron - Buoys', notes: 'We sat down with Ada Byron, and we talked about buoys for hours.' });
    expect(other?.summary).not.toMatch(/^and we talked/);
  });

  it('reads past notes that repeat the title to the sentence that goes on about the guest', () => {
    const [guest] = extractGuests({
      title: 'Episode 8: Buoys with Ada Byron',
      notes: '# Episode 8: Buoys with Ada Byron\n\nIn this episode we talked with Ada Byron about buoys and how she charts them at sea.',
    });
    expect(guest?.summary).toMatch(/^Ada Byron about buoys and how she charts them at sea/);
  });

  it('reads the sentence that goes on about them by first name or pronoun', () => {
    const [guest] = extractGuests({
      title: 'Small boats',
      notes: 'We sit down with Ada Byron. Today, Ada co-founded Tidewater Labs with two sailors.',
    });
    expect(guest?.affiliations).toContain('Tidewater Labs');
  });
});

describe('clip', () => {
  it('reads markdown links as their text', () => {
    expect(clip('[Ada Byron](https://ada.example) of [Oceanlab](https://oceanlab.example)')).toBe('Ada Byron of Oceanlab');
    expect(clip('Ada Byron](https://ada.example) joins')).toBe('Ada Byron joins');
    // Unbalanced brackets are left as text (and cost one pass).
    expect(clip('[[[[ Ada')).toBe('[[[[ Ada');
  });
});

describe('unwrapLines', () => {
  it('joins hard-wrapped prose, offsets kept', () => {
    const text = 'In this episode of Harbour Talk, Ada Byron goes over building\nthe tidewater.example API with Rust, Go and\nPython. It runs on two boats.';
    const out = unwrapLines(text);
    expect(out).toBe(text.replace(/\n/g, ' '));
    expect(out.length).toBe(text.length);
  });

  it('joins text wrapped at a fixed width even where the next line starts with a capital', () => {
    const text = [
      'Mapy morskie kryją w sobie wiele ciekawych aspektów, które technicy mogliby',
      'potencjalnie wykorzystać w pracy. Nasz gość, Ada Maria Byron-Quill z Oceanlab',
      'Fierro, od jakiegoś czasu nie tylko pasjonuje się tym formatem, ale również',
      'wykorzystuje jego zalety pracując nad dokumentacją projektów na morzu.',
    ].join('\n');
    expect(unwrapLines(text)).toBe(text.replace(/\n/g, ' '));
  });

  it('leaves lists, headings, short lines and finished sentences alone', () => {
    const text = 'Guests:\nAda Byron\nAlan Turing\n- 2:17 -- tide pools and\n- 3:10 -- buoys\nA long sentence that ends where it should end here.\nthen a new one';
    expect(unwrapLines(text)).toBe(text);
  });

  it('gives the summary the whole sentence of wrapped notes', () => {
    const [guest] = extractGuests({
      title: 'Buoys at sea',
      notes: 'In this episode we talk with Ada Byron, who goes over building\nthe tidewater.example API at Oceanlab with Rust, Go and\nPython.',
    });
    expect(guest?.summary).toContain('tidewater.example');
  });
});

describe('summary from the notes before the title', () => {
  it('takes the sentence that goes on after the name over the title that only names them', () => {
    const [guest] = extractGuests({
      title: 'Harbour 12 Entrevista Ada Byron',
      notes: 'Entrevista a Ada Byron sobre su trayectoria profesional y proyectos como Tidewater.\nAda Byron :: blog de Ada Byron',
    });
    expect(guest?.name).toBe('Ada Byron');
    expect(guest?.summary).toContain('Tidewater');
    expect(guest?.summary.startsWith('Ada Byron')).toBe(true);
  });
});

describe('a summary beside chapter times', () => {
  it('loses a time at its end (the chapter time of a title-first list), and keeps one inside a sentence', () => {
    // A title-first list: the line that names her ends with its chapter's time.
    const notes = 'Coming up 01:48\nFact article: Tide Charts Interview with Ada Byron 02:30\nFiction: The Lamp by Grace Hopper 16:25';
    expect(extractGuests({ title: 'Harbour Delights No 12', notes }).find((g) => g.name === 'Ada Byron')?.summary).toBe('Ada Byron');
    // Inside a sentence a time is the sentence's.
    const [inside] = extractGuests({ title: 'Tide charts with Ada Byron', notes: 'Ada Byron, who sailed at 05:00 every day, is a cartographer at Oceanlab.' });
    expect(inside?.summary).toContain('05:00');
  });
});

describe('a guest named only by a handle', () => {
  it('is presented by the line after the one that names them', () => {
    const notes = 'On this episode Grace has @adabyron\n\nOne of the hosts of the Tidewater Podcast\n\nFollow them - @adabyron';
    const handle = groupCandidates(findOccurrences(notes, 'notes')).find((c) => c.name === 'adabyron')!;
    const { summary, affiliations } = describeGuest(handle, 'Tide pools', notes);
    expect(summary).toBe('@adabyron One of the hosts of the Tidewater Podcast');
    expect(affiliations).toContain('Tidewater Podcast');
  });

  it('is presented by the sentence after the one that names them, when it goes on about them with a role', () => {
    const en = extractGuests({ title: 'Ep 12: Knots', notes: 'Our guest today is Ada Quill. She is a geologist at Oceanlab and writes about tides.' });
    expect(en.map((g) => g.summary)).toEqual(['She is a geologist at Oceanlab and writes about tides.']);
    const de = extractGuests({ title: 'Folge 16: Gezeiten', notes: 'Zu Gast ist Ada Quill. Sie ist Geologin bei Oceanlab und schreibt über Gezeiten.' });
    expect(de.map((g) => g.summary)).toEqual([expect.stringContaining('Geologin bei Oceanlab')]);
    // A next sentence that says nothing of what they do is no summary.
    const plain = extractGuests({ title: 'Ep 13: Knots', notes: 'Our guest today is Ada Quill. She loves knots.' });
    expect(plain.map((g) => g.summary)).not.toEqual(['She loves knots.']);
  });

  it('reads past the periods of abbreviations, and ends a role between commas at the next name or the verb', () => {
    const notes = 'In this episode, Ada Quill, Sr. Account Exec for Education at Widgetly, and Bo Byron, Solution Architect for Education at Widgetly, join Dana to talk about classrooms.';
    const guests = extractGuests({ title: 'Episode 11: Classrooms', notes, hosts: ['Dana Host'] });
    expect(guests.map((g) => [g.name, g.summary])).toEqual([
      ['Ada Quill', 'Sr. Account Exec for Education at Widgetly'],
      ['Bo Byron', 'Solution Architect for Education at Widgetly'],
    ]);
    // An enumeration inside the role keeps its "and".
    const one = extractGuests({ title: 'Ep 2: Boats', notes: 'Our guest Cleo Marsh, founder of Boatworks, builds, sails, and repairs boats.' });
    expect(one[0]?.summary).toContain('founder of Boatworks');
  });

  it('a title topic keeps a role word that a cue parts from the name ("… for Developers with Ada Quill")', () => {
    expect(titleTopic('JSJ 431: Personal Branding for Developers with Ada Quill', 'Ada Quill')).toBe('Personal Branding for Developers');
    // A co-guest after "und"/"&" is no topic.
    expect(titleTopic('Pfeile und Kästen - Diagramme mit Ada Quill und Lisa Byron', 'Ada Quill')).toBe('Diagramme');
    expect(titleTopic('Ambient Mesh with Ada Quill & Bo Byron', 'Ada Quill')).toBe('Ambient Mesh');
    // Written right before the name, a role is who they are: "Developer Advocate Ada Quill on …".
    expect(titleTopic('Ep 5: Developer Advocate Ada Quill on widgets', 'Ada Quill')).toBe('widgets');
  });

  it('takes no link label for who they are ("Falk bei Twitter")', () => {
    const notes = 'Bei dieser Episode ist Falk Quill zu Gast bei Widget im Stream. Falk und Lisa unterhalten sich über Widgets.\n\n- Falk bei Twitter: https://social.example/falk';
    const [guest] = extractGuests({ title: 'Frontendmuster im Web mit Falk Quill', notes, hosts: ['Lisa Host'] });
    expect(guest?.summary).not.toMatch(/^Falk bei Twitter/);
  });
});
