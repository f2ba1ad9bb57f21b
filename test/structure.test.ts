import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadFile } from '../src/load/index.ts';
import { cleanMarkup } from '../src/structure/index.ts';
import { structureAndSegment } from '../src/pipeline.ts';
import { renderHtml } from '../src/structure/html.ts';
import type { StructuredDocument } from '../src/model/document.ts';
import { knowledge, stageContext } from './support/knowledge.ts';
import { DATA_DIR, DataFiles } from '../src/knowledge/files.ts';
import { loadStructureKnowledge } from '../src/knowledge/structure.ts';
import { loadSharedLexicons } from '../src/knowledge/shared-lexicons.ts';
import { isKgError } from '../src/errors.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const REFERENCE = join(CORPUS, '000_09ba589ba7ebe117.txt');
const FORMATS = join(CORPUS, 'formats');

async function docsOf(path: string): Promise<StructuredDocument[]> {
  return structureAndSegment(await loadFile(path), stageContext());
}

function allCorpusFiles(): string[] {
  const dev = readdirSync(join(CORPUS, 'dev'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => join(CORPUS, 'dev', n));
  const formats = readdirSync(FORMATS)
    .filter((n) => /\.(?:txt|html?)$/.test(n))
    .map((n) => join(FORMATS, n));
  return [REFERENCE, ...dev, ...formats].sort();
}

const sectionText = (doc: StructuredDocument, kind: string): string[] => doc.sections.filter((s) => s.kind === kind).map((s) => doc.text.slice(s.start, s.end));

describe('every corpus document', () => {
  it.each(allCorpusFiles())('%s loads with structure and exact sentence offsets', async (path) => {
    const docs = await docsOf(path);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc.cleanText.length).toBe(doc.text.length);
      expect(doc.sections.length).toBeGreaterThan(0);
      expect(doc.sentences.length).toBeGreaterThan(0);
      for (const section of doc.sections) {
        expect(section.start).toBeLessThan(section.end);
        expect(section.end).toBeLessThanOrEqual(doc.text.length);
      }
      doc.sentences.forEach((sentence, i) => {
        expect(sentence.index).toBe(i);
        const text = doc.text.slice(sentence.start, sentence.end);
        expect(text.trim()).toBe(text);
        expect(text).not.toMatch(/\n[ \t]*\n/);
        const home = doc.sections.find((s) => s.start <= sentence.start && sentence.end <= s.end);
        expect(home, `sentence ${i} crosses a section: ${text.slice(0, 80)}`).toBeDefined();
        expect(home?.kind).toBe(sentence.section);
        expect(sentence.boilerplate).toBe(sentence.section === 'about');
      });
    }
  });
});

describe('the reference 8-K (plain text)', () => {
  it('keeps the decoded input as the text', async () => {
    const file = await loadFile(REFERENCE);
    const [doc] = structureAndSegment(file, stageContext());
    expect(doc?.text).toBe(file.text);
    expect(doc?.docId).toBe('000_09ba589ba7ebe117');
  });

  it('reads the cover page fields exactly', async () => {
    const [doc] = await docsOf(REFERENCE);
    const filing = doc?.filing;
    expect(filing?.form).toBe('8-K');
    expect(filing?.registrants).toEqual([
      {
        name: 'ImmunoGen, Inc.',
        fileNumber: '0-17999',
        irsEmployerId: '04-2726691',
        stateOfIncorporation: 'Massachusetts',
        address: '128 Sidney Street, Cambridge, MA 02139',
        phone: '(617) 995-2500',
      },
    ]);
    expect(filing?.reportDate).toBe('2007-07-31');
    expect(filing?.items.map((i) => i.code)).toEqual(['8.01', '9.01']);
    expect(filing?.exhibits.map((e) => e.number)).toEqual(['99.1']);
    expect(doc?.asOf).toBe('2007-07-31');
  });

  it('gives each item its text, from under its heading to the next heading', async () => {
    const [doc] = await docsOf(REFERENCE);
    const [otherEvents, exhibits] = doc?.filing?.items ?? [];
    expect(otherEvents?.title).toBe('OTHER EVENTS');
    expect(otherEvents?.text).toMatch(/^On July 31, 2007, ImmunoGen, Inc\. \(Nasdaq: IMGN\) issued a press release/);
    expect(otherEvents?.text).not.toMatch(/ITEM 9\.01|FINANCIAL STATEMENTS AND EXHIBITS/);
    expect(otherEvents?.text).not.toMatch(/\s{2}|\*\*|\\\$/);
    expect(exhibits?.text).toMatch(/^\(d\) The following exhibit is being filed herewith/);
    expect(exhibits?.text).not.toMatch(/SIGNATURE/);
  });

  it('finds the press release parts: headline, dateline, about, forward-looking, trademark', async () => {
    const [doc] = await docsOf(REFERENCE);
    if (!doc) throw new Error('no document');
    expect(doc.title).toBe('ImmunoGen, Inc. Earns Milestone with Start of Trastuzumab-DM1 Phase II Testing');
    expect(doc.dateline).toEqual({ city: 'CAMBRIDGE, MA', date: '2007-07-31' });
    expect(sectionText(doc, 'item')[0]).toMatch(/^ITEM 8\.01 OTHER EVENTS/);
    const abouts = doc.sections.filter((s) => s.kind === 'about').map((s) => s.title);
    expect(abouts).toEqual(["About ImmunoGen's TAP Technology", 'About ImmunoGen, Inc.']);
    const fls = sectionText(doc, 'forwardLooking');
    expect(fls).toHaveLength(1);
    expect(fls[0]).toMatch(/^This press release includes forward-looking statements\./);
    expect(fls[0]).toMatch(/Securities and Exchange Commission\.$/);
    expect(sectionText(doc, 'trademark')).toEqual(['Herceptin® is a registered trademark of Genentech.']);
    const aboutSentence = doc.sentences.find((s) => doc.text.slice(s.start, s.end).startsWith('ImmunoGen, Inc. develops targeted'));
    expect(aboutSentence).toMatchObject({ section: 'about', boilerplate: true });
    const flsSentences = doc.sentences.filter((s) => s.section === 'forwardLooking');
    expect(flsSentences.length).toBe(4);
    const body = doc.sentences.find((s) => doc.text.slice(s.start, s.end).startsWith('This event triggers'));
    expect(body).toMatchObject({ section: 'body', boilerplate: false });
    expect(sectionText(doc, 'signature')[0]).toMatch(/\/s\/ Daniel M\. Junius/);
  });
});

describe('EDGAR full submission', () => {
  const ABVC = join(FORMATS, 'abvc-biopharma-8k-2025.full-submission.txt');

  it('yields the 8-K and the EX-99.1 as documents and skips graphic, XBRL, XML, JSON and ZIP parts', async () => {
    const docs = await docsOf(ABVC);
    expect(docs.map((d) => [d.docId, d.docType])).toEqual([
      ['0001213900-25-032135', '8-K'],
      ['0001213900-25-032135-ex99-1', 'EX-99.1'],
    ]);
    for (const doc of docs) expect(doc.text).not.toMatch(/<\/?(?:html|div|XBRL|TYPE)\b|^begin 644/im);
  });

  it('gives every document the filing header fields', async () => {
    const docs = await docsOf(ABVC);
    for (const doc of docs) {
      const filing = doc.filing;
      expect(filing?.accessionNumber).toBe('0001213900-25-032135');
      expect(filing?.filedDate).toBe('2025-04-15');
      expect(filing?.reportDate).toBe('2025-04-15');
      expect(filing?.items.map((i) => i.code)).toEqual(['2.02', '4.02', '7.01', '9.01']);
      expect(filing?.registrants).toHaveLength(1);
      expect(filing?.registrants[0]).toMatchObject({ cik: '0001173313', stateOfIncorporation: 'Nevada', irsEmployerId: '26-0014658', fileNumber: '001-40700' });
      expect(filing?.registrants[0]?.name.toUpperCase()).toBe('ABVC BIOPHARMA, INC.');
      expect(filing?.exhibits.map((e) => e.number)).toContain('99.1');
    }
  });

  it('structures the exhibit as a press release with its own dateline', async () => {
    const ex = (await docsOf(ABVC))[1];
    expect(ex?.dateline?.date).toBe('2025-04-16');
    expect(ex?.asOf).toBe('2025-04-16');
    expect(ex?.title).toBe('ABVC BioPharma Announces 2024 Financial Results');
    expect(ex?.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['headline', 'dateline', 'body', 'about', 'forwardLooking', 'contacts']));
  });

  it('reads the PEM-wrapped 1998 submission with its plain-text body', async () => {
    const docs = await docsOf(join(FORMATS, 'aames-8k-1998-pem.full-submission.txt'));
    expect(docs.map((d) => d.docType)).toEqual(['8-K', 'EX-20.1']);
    const filing = docs[0]?.filing;
    expect(filing?.accessionNumber).toBe('0001011438-98-000429');
    expect(filing?.filedDate).toBe('1998-12-31');
    expect(filing?.registrants[0]).toMatchObject({ cik: '0000913951', irsEmployerId: '95-4438859', stateOfIncorporation: 'California' });
    expect(filing?.items.map((i) => i.code)).toEqual(['7']);
    expect(docs[0]?.text).not.toMatch(/PRIVACY-ENHANCED|<PAGE>/);
  });
});

describe('EDGAR HTML', () => {
  it('renders the buckle 8-K and reads its cover and items', async () => {
    const [doc] = await docsOf(join(FORMATS, 'buckle-8k.html'));
    expect(doc?.filing?.registrants[0]).toMatchObject({ name: 'THE BUCKLE, INC.', fileNumber: '001-12951', irsEmployerId: '47-0366193', stateOfIncorporation: 'Nebraska' });
    expect(doc?.filing?.items.map((i) => i.code)).toEqual(['2.02', '9.01']);
    expect(doc?.filing?.reportDate).toBe('2024-11-22');
    expect(doc?.text).not.toMatch(/<|&#\d+;|&nbsp;/);
  });

  it('renders the buckle EX-99.1 press release', async () => {
    const [doc] = await docsOf(join(FORMATS, 'buckle-8k-ex99-1.html'));
    expect(doc?.title).toBe('THE BUCKLE, INC. REPORTS THIRD QUARTER NET INCOME');
    expect(doc?.dateline).toMatchObject({ city: 'KEARNEY, NE', wire: 'BUSINESS WIRE' });
    expect(sectionText(doc as StructuredDocument, 'about')[0]).toMatch(/^About Buckle\n/);
    expect(sectionText(doc as StructuredDocument, 'forwardLooking')[0]).toMatch(/^SAFE HARBOR STATEMENT/);
  });

  it('gives each registrant of a combined 8-K its own file and IRS numbers', async () => {
    const [doc] = await docsOf(join(FORMATS, 'lge-ku-8k-2003.html'));
    const registrants = doc?.filing?.registrants ?? [];
    expect(registrants.map((r) => [r.name, r.fileNumber, r.irsEmployerId, r.stateOfIncorporation])).toEqual([
      ['Louisville Gas and Electric Company', '2-26720', '61-0264150', 'Kentucky'],
      ['Kentucky Utilities Company', '1-3464', '61-0247570', 'Kentucky'],
    ]);
    expect(registrants[1]?.phone).toBe('(859) 255-2100');
    expect(doc?.filing?.items.map((i) => [i.code, i.title])).toEqual([['9', 'Regulation FD Disclosure']]);
    expect(doc?.filing?.items[0]?.text).toMatch(/^On March 25, 2003, in connection with the filing/);
  });

  it('decodes Windows-1252 character references, drops hidden parts and separates cells and paragraphs', () => {
    const { text, title } = renderHtml(
      '<HTML><HEAD><TITLE>t</TITLE><STYLE>p{}</STYLE></HEAD><BODY><div style="display:none">hidden</div>' +
        '<P>Acme&#146;s deal&nbsp;&amp; more</P><TABLE><TR><TD><p>A</p></TD><TD>B</TD></TR><TR><TD>C</TD></TR></TABLE><PRE>line 1\n  line 2</PRE></BODY></HTML>',
    );
    expect(title).toBe('t');
    expect(text).toBe('Acme’s deal & more\n\nA | B\nC\n\nline 1\n  line 2');
  });

  it('stays linear on deeply nested HTML', () => {
    const depth = 20000;
    const html = '<div>'.repeat(depth) + 'deep text' + '</div>'.repeat(depth);
    expect(renderHtml(html).text).toBe('deep text');
  });
});

describe('plain-text press releases', () => {
  it('marks headline, dateline, quotes, about sections and the forward-looking statement', async () => {
    const [doc] = await docsOf(join(CORPUS, 'dev', '017_springworks-gomekli-fda-approval.txt'));
    if (!doc) throw new Error('no document');
    expect(doc.dateline).toEqual({ city: 'STAMFORD, Conn.', date: '2025-02-11', wire: 'GLOBE NEWSWIRE' });
    expect(doc.sections[0]?.kind).toBe('headline');
    expect(doc.sections.filter((s) => s.kind === 'subheadline')).toHaveLength(3);
    expect(doc.sections.filter((s) => s.kind === 'quote').length).toBeGreaterThanOrEqual(3);
    expect(sectionText(doc, 'forwardLooking')[0]).toMatch(/^SpringWorks Forward-Looking Statements/);
    expect(sectionText(doc, 'contacts')[0]).toMatch(/^Contacts:/);
  });

  it('splits a run-on newsroom text at its time stamp, dateline and inline forward-looking heading', async () => {
    const [doc] = await docsOf(join(CORPUS, 'dev', '003_merck-acquire-peloton.txt'));
    if (!doc) throw new Error('no document');
    expect(doc.title).toBe('Merck to Acquire Peloton Therapeutics, Bolstering Oncology Pipeline');
    expect(doc.dateline).toEqual({ city: 'KENILWORTH, N.J. & DALLAS', date: '2019-05-21' });
    expect(sectionText(doc, 'forwardLooking')[0]).toMatch(/^Forward-Looking Statement of /);
    const lastAbout = sectionText(doc, 'about').at(-1) ?? '';
    expect(lastAbout).not.toMatch(/Forward-Looking Statement/);
  });

  it('cuts the contact lines off the end of a run-on forward-looking paragraph', async () => {
    const [doc] = await docsOf(join(CORPUS, 'dev', '002_merck-ngm-option-ngm313.txt'));
    if (!doc) throw new Error('no document');
    const fls = sectionText(doc, 'forwardLooking').at(-1) ?? '';
    expect(fls).toMatch(/Internet site \.$/);
    expect(fls).not.toMatch(/Media:/);
    expect(sectionText(doc, 'contacts').at(-1)).toMatch(/^Merck Media: .*\d{3}-\d{4}$/);
    expect(doc.sentences.filter((s) => s.section === 'contacts').length).toBeGreaterThan(0);
  });

  it('gives a run-together "About X" heading and a glued sentence their own units', async () => {
    const [doc] = await docsOf(join(CORPUS, 'dev', '033_biomedx-novo-nordisk-oral-peptide-collaboration.txt'));
    if (!doc) throw new Error('no document');
    const about = doc.sentences.filter((s) => s.section === 'about').map((s) => doc.text.slice(s.start, s.end));
    expect(about.filter((t) => /^About /.test(t))).toEqual(['About BioMed X', 'About Novo Nordisk']);
    expect(about.every((t) => !/[a-z]\.[A-Z]/.test(t))).toBe(true);
    expect(new Set(doc.sections.filter((s) => s.kind === 'about').map((s) => s.title)).size).toBe(2);
  });

  it('blanks Markdown escapes without moving offsets', () => {
    const text = 'a \\$5 million **04-2726691** (*see* below)';
    const clean = cleanMarkup(text);
    expect(clean).toHaveLength(text.length);
    expect(clean).toBe('a  $5 million   04-2726691   ( see  below)');
  });
});

describe('run-on releases (synthetic)', () => {
  const structureOf = (text: string): StructuredDocument => {
    const [doc] = structureAndSegment({ path: 'release.txt', bytes: Buffer.from(text), text, encoding: 'utf-8' }, stageContext());
    if (!doc) throw new Error('no document');
    return doc;
  };
  const prose =
    'Acme Corp. Announces a Partnership\n\nBOSTON, Mass., May 1, 2024 /PRNewswire/ -- Acme Corp. today announced a partnership with Beta Bio. ' + 'The companies will develop new medicines together for patients with rare diseases.\n\n';
  const fls =
    'Forward-Looking Statements\n\nThis press release contains forward-looking statements that involve risks and uncertainties. ' +
    'Acme undertakes no obligation to update these statements except as required by law and the rules of the exchange. ';

  it('puts a closing run of contacts (labels, names, phone numbers) in a contacts section', () => {
    const text = `${prose}${fls}Acme Media: Jane Roe (555) 555-0100 jane.roe@acme.example Investors: John Doe 555-0101\n`;
    const doc = structureOf(text);
    expect(sectionText(doc, 'contacts')).toEqual(['Acme Media: Jane Roe (555) 555-0100 jane.roe@acme.example Investors: John Doe 555-0101']);
    expect(sectionText(doc, 'forwardLooking').join(' ')).toMatch(/rules of the exchange\.$/);
  });

  it('leaves prose that mentions a phone number alone', () => {
    const text = `${prose}Patients can call the support line at (555) 555-0100 or write to help@acme.example for more information about the programme.\n`;
    const doc = structureOf(text);
    expect(doc.sections.map((s) => s.kind)).not.toContain('contacts');
  });

  it('keeps an "About X" section going over a line that is only the company name', () => {
    const text = `${prose}About Acme Biosciences, Inc.\n\nAcme Biosciences\n\nAcme is a biotechnology company developing antibodies for cancer.\n\nPipeline Highlights\n\nAcme has three programmes.\n`;
    const doc = structureOf(text);
    const about = doc.sections.filter((s) => s.kind === 'about').map((s) => doc.text.slice(s.start, s.end));
    expect(about.join('\n\n')).toMatch(/^About Acme Biosciences, Inc\.\n\nAcme Biosciences\n\nAcme is a biotechnology company/);
    // A real heading still ends the boilerplate.
    expect(about.join(' ')).not.toMatch(/Pipeline Highlights|three programmes/);
  });

  it.each(['About Acme Biotech GmbH.', 'About Acme Pharma S.A.', 'ABOUT ACME BIOSCIENCES, INC.'])('reads "%s" as an About heading: its period belongs to the legal form', (heading) => {
    const text = `${prose}${heading}\n\nAcme is a biotechnology company developing antibodies for cancer.\n`;
    const doc = structureOf(text);
    expect(doc.sections.find((s) => s.kind === 'about')?.title).toBe(heading);
  });

  it('splits "About AcmeAcme is …" into the heading and the first sentence', () => {
    const text = `${prose}About Acme BioAcme Bio is a company that develops antibodies for cancer.\n`;
    const doc = structureOf(text);
    const about = doc.sentences.filter((s) => s.section === 'about').map((s) => doc.text.slice(s.start, s.end));
    expect(about).toEqual(['About Acme Bio', 'Acme Bio is a company that develops antibodies for cancer.']);
    expect(doc.sections.find((s) => s.kind === 'about')?.title).toBe('About Acme Bio');
  });
});

describe('structure knowledge', () => {
  /** The error loading the structure knowledge from a copy of data/structure/ with `file` replaced by `content`. */
  const loadError = (file: string, content: string): unknown => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-structure-'));
    try {
      cpSync(join(DATA_DIR, 'structure'), join(dir, 'structure'), { recursive: true });
      writeFileSync(join(dir, 'structure', file), content);
      loadStructureKnowledge(new DataFiles(dir), knowledge.names, knowledge.calendar, loadSharedLexicons(new DataFiles(DATA_DIR)));
      return undefined;
    } catch (error) {
      return error;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it.each([
    ['abbreviations.txt', '# comment\nInc\nPh.D.\n', /data\/structure\/abbreviations\.txt:3: .*final period/],
    ['us-states.tsv', 'code\tname\nNevada\tNV\n', /data\/structure\/us-states\.tsv:2: /],
    ['8k-items.tsv', 'code\ttitle\n1.01\tEntry\n', /data\/structure\/8k-items\.tsv:1: the header must be/],
    ['sections.json', '{"flags": "iu"}', /data\/structure\/sections\.json: /],
    ['time-zones.txt', 'ET\nEastern\n', /data\/structure\/time-zones\.txt:2: /],
  ])('refuses a bad %s, naming the file and line', (file, content, message) => {
    const error = loadError(file, content);
    expect(isKgError(error) && error.code).toBe('CONFIG_INVALID');
    expect(isKgError(error) && error.message).toMatch(message);
  });
});
