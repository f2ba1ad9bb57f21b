// Entity rules that read shape and frame rather than remembered names (issue 16): invented names in
// sentences of the field's usual wording, each with a near miss the rule must leave alone.
import { describe, expect, it } from 'vitest';
import { entitiesOf, mentionsOf, names } from './support/entities.ts';

describe('drugs by descriptor frame', () => {
  it('reads a name set beside a drug noun as a drug', () => {
    const ms = mentionsOf('ZORVALTA, a CD22-directed ADC, is approved. The KRAS inhibitor Pelvadrex is in Phase 2. Quintaprim, the company’s lead product candidate, is in a Phase 1 trial.');
    expect(names(ms, 'Drug')).toEqual(['Pelvadrex', 'Quintaprim', 'ZORVALTA']);
  });

  it('leaves clause breaks, headline titles and English words alone', () => {
    const ms = mentionsOf(
      'In exchange for small molecule inhibitor candidates, Halvorsen and Quist will receive $5 million. Zorvex Receives Orphan Drug Designation. Notably, the oral treatment was well tolerated. Fortune Insights, the global cancer treatment market size, grew.',
    );
    expect(names(ms, 'Drug')).toEqual([]);
  });
});

describe('drugs by INN stem', () => {
  it('finds INNs with three letters before a long stem and the newer stems', () => {
    const ms = mentionsOf('Patients received cisplatin, omeprazole, celecoxib and abiraterone, then tezaprazan.');
    expect(names(ms, 'Drug')).toEqual(['abiraterone', 'celecoxib', 'cisplatin', 'omeprazole', 'tezaprazan']);
  });

  it('reads a two-word cell or gene therapy INN as one drug', () => {
    const ms = mentionsOf('The company markets lorcabtagene vemaleucel for lymphoma.');
    expect(names(ms, 'Drug')).toEqual(['lorcabtagene vemaleucel']);
  });

  it('does not read cholesterol as a drug', () => {
    expect(names(mentionsOf('The drug lowered cholesterol in patients.'), 'Drug')).toEqual([]);
  });
});

describe('technologies by mark and apposition', () => {
  it('reads a marked name before or beside a platform noun as a technology, not a brand', () => {
    const ms = mentionsOf(
      'Growth is driven by our proprietary Zeta Mice(R) platform. Drugs were found with the ZetaRx℠ technology platform. The company’s machine learning platform, QUORA(R), leverages data. Finally, Velvax® is Acme’s proprietary vaccine stabilization platform technology. Velvax® lowers costs.',
    );
    expect(names(ms, 'Technology')).toEqual(['QUORA', 'Velvax', 'Zeta Mice', 'ZetaRx']);
    expect(names(ms, 'Drug')).toEqual([]);
  });

  it('reads a headline-case platform after a possessive or "proprietary", but not a firm or a trial', () => {
    const ms = mentionsOf('The virus is shielded by our proprietary Albino Shield Technology. Zeta Technology Co., Ltd. signed. Data came from the HEALEY ALS Platform Trial.');
    expect(names(ms, 'Technology')).toEqual(['Albino Shield']);
  });
});

describe('people by frame', () => {
  it('reads bylines, degrees, appointments, possessive roles and titles after a possessive', () => {
    const ms = mentionsOf(
      'By Tomas Vilder, Wirewatch\n\nThe results are clear,” Maren Holt, Acmegen’s president and CEO, said. Ilse Varga, Ph.D., joined Acmegen in April. The board appointed Rune Dalby as Chief Financial Officer. The firm added Zetacap’s principal Matthew Orwin to its board. Philippe Sandor, the billionaire founder of a fund, invested.',
    );
    expect(names(ms, 'Person')).toEqual(['Ilse Varga', 'Maren Holt', 'Matthew Orwin', 'Philippe Sandor', 'Rune Dalby', 'Tomas Vilder']);
  });

  it('keeps the outlet out of a byline without its comma, and products out of possessives', () => {
    const ms = mentionsOf('By Tomas Vilder Wirewatch\n\nAcmegen’s Zorvex Tablets were launched. Appointed Ilse Varga, Ph.D., as Chief Medical Officer.');
    expect(names(ms, 'Person')).toEqual(['Ilse Varga', 'Tomas Vilder']);
  });
});

describe('diseases narrowed by a modifier of the vocabulary', () => {
  it('keeps a site or kind adjective the Disease Ontology uses as part of the disease', () => {
    const ms = mentionsOf('The drug is studied in uveal melanoma and in uveal lymphoma.');
    expect(names(ms, 'Disease')).toEqual(['uveal lymphoma', 'uveal melanoma']);
  });

  it('names a disease written by any of its Disease Ontology synonyms by the ontology label, so the forms meet in one node', () => {
    const ms = mentionsOf('The drug is studied in bipolar depression and in coronary vasospasm.');
    expect(names(ms, 'Disease')).toEqual(['bipolar disorder', 'coronary artery vasospasm']);
  });

  it('leaves hyphenated biomarkers, qualifiers and ordinary adjectives out of the name', () => {
    const ms = mentionsOf('It is an anti-cancer agent for KRAS-mutated pancreatic cancer, metastatic melanoma and multiple cancer types.');
    const diseases = names(ms, 'Disease');
    expect(diseases).toContain('melanoma');
    expect(diseases.filter((d) => /^(?:anti|mutated|metastatic|multiple) /.test(d))).toEqual([]);
  });
});

describe('targets named as a receptor of their ligand', () => {
  it('reads an HGNC receptor written out in words, not a bare "receptor"', () => {
    const ms = mentionsOf('Tumors stop responding to androgen receptor signaling inhibitors. The receptor is a novel receptor agonist target.');
    expect(names(ms, 'Target')).toEqual(['androgen receptor']);
  });
});

describe('technologies defined with their acronym', () => {
  it('reads a lower-case long form defined with a quoted acronym before a platform noun', () => {
    const ms = mentionsOf('The pipeline includes its first-in-class tissue repair modulator (“TRM”) technology for mucositis.');
    expect(names(ms, 'Technology')).toEqual(['TRM']);
  });

  it('leaves a lower-case phrase whose initials do not spell the acronym alone', () => {
    const ms = mentionsOf('The company licensed its oral film delivery (“QX”) technology to a partner.');
    expect(names(ms, 'Technology')).toEqual([]);
  });

  it('reads a defined name that its apposition calls a platform', () => {
    const ms = mentionsOf('ZV-9 is based on Zorix Vector Ankara (ZVA), a non-replicating vaccine platform with a long safety record.');
    expect(names(ms, 'Technology')).toEqual(['ZVA']);
  });

  it('leaves an apposition whose platform noun modifies another noun alone', () => {
    const ms = mentionsOf('Quorvan Biologics (QB), a platform company, raised funds. Quorvan Biologics (QB), a platform technology developer, raised more.');
    expect(names(ms, 'Technology')).toEqual([]);
  });
});

describe('diseases named by their shape after an indication cue', () => {
  it('names a disease the lexicon lacks from the noun phrase after "treatment of" or "patients with" that ends in a disease head', () => {
    const ms = mentionsOf('Acme is developing QX-12 for the treatment of canine disc disease and for patients with zorvian plexus fibrosis.');
    expect(names(ms, 'Disease')).toEqual(['canine disc disease', 'zorvian plexus fibrosis']);
  });

  it('reads a suffix head ("-itis") and keeps stage qualifiers in the span but not in the name', () => {
    const ms = mentionsOf('QX-12 is being studied in patients with moderate to severe eosinophilic ear mucositis who failed steroids.');
    const disease = ms.find((m) => m.label === 'Disease');
    expect(disease?.canonical).toBe('eosinophilic ear mucositis');
    expect(disease?.text).toBe('moderate to severe eosinophilic ear mucositis');
  });

  it('names no disease from a generic adjective, a class its members follow, or a bare head', () => {
    const ms = mentionsOf('The drug is meant to treat devastating diseases, and for the treatment of inflammatory diseases, including oral mucositis, in children with active disease.');
    expect(names(ms, 'Disease')).toEqual(['oral mucositis']);
  });

  it('leaves a disease the lexicon knows by several words under its lexicon name', () => {
    const ms = mentionsOf('ZX-9 is indicated for the treatment of adults with relapsed or refractory multiple myeloma.');
    expect(ms.filter((m) => m.label === 'Disease').map((m) => m.rule)).toEqual(['disease.lexicon']);
  });
});

describe('people by their name and title', () => {
  it("reads a surname with an apostrophe after its initial capital (O'Brien, D'Arcy)", () => {
    const ms = mentionsOf('"We are pleased," said Thomas O\'Daly, Chief Executive Officer of Acme Inc.');
    expect(names(ms, 'Person')).toEqual(["Thomas O'Daly"]);
  });

  it('reads a name followed by an indefinite title ("Jane Roe, a director of Acme")', () => {
    const ms = mentionsOf('As previously disclosed, Zorben Kalvik, a director of Acme Ltd., resigned from the board.');
    expect(names(ms, 'Person')).toEqual(['Zorben Kalvik']);
  });
});

describe('other names the text gives a thing', () => {
  it('takes the name after "d/b/a" or "doing business as" as the same company', () => {
    const entities = entitiesOf('Acme Pharma, Inc. executed a License Agreement with Zentrix Technologies, L.L.C. d/b/a Zorvexa. Zorvexa will receive royalties on net sales.');
    const companies = entities.filter((e) => e.labels[0] === 'Company');
    expect(companies.map((e) => e.name).sort()).toEqual(['Acme Pharma', 'Zentrix Technologies']);
    expect(companies.find((e) => e.name === 'Zentrix Technologies')?.aliases).toContain('Zorvexa');
  });

  it('links an INN written with its salt before the brand in parentheses ("Zorvatinib mesylate (ZORVEXA®)")', () => {
    const entities = entitiesOf('Acme granted Beta an exclusive license to Zorvatinib mesylate (ZORVEXA®). ZORVEXA is approved in Europe.');
    expect(entities.filter((e) => e.labels[0] === 'Drug').map((e) => e.name)).toEqual(['zorvatinib']);
  });
});
