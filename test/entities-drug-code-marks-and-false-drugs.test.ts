// Drug code names with a formulation mark or a number in subscript digits, and the shapes that look
// like a drug but are not one: an amount in a currency code, a company's name in "-gene". Invented names.
import { describe, expect, it } from 'vitest';
import { mentionsOf, names } from './support/entities.ts';

describe('a code name with a formulation mark after it', () => {
  it('keeps "7P" after a code as part of the name, for long and short codes', () => {
    const ms = mentionsOf('QXB-101 7P (7 peptide formulation) is in a Phase 1 trial. The drug candidate QX-12 2P was well tolerated.');
    expect(names(ms, 'Drug')).toEqual(['QX-12 2P', 'QXB-101 7P']);
  });

  it('leaves a line of therapy, a half-year, a dimension and an amount outside the name', () => {
    const ms = mentionsOf('The company will study QXB-101 2L in lung cancer. QXB-202 1H 2026 data are expected. QXB-303 3D models and QXB-404 5M doses and QXB-505 2B in sales were reported.');
    expect(names(ms, 'Drug')).toEqual(['QXB-101', 'QXB-202', 'QXB-303', 'QXB-404', 'QXB-505']);
  });
});

describe('a code name written with subscript or superscript digits', () => {
  it('reads two subscript digits or three superscript digits after the letters, and the ASCII spelling', () => {
    const ms = mentionsOf('The FDA accepted the filing for QX-ZORB₁₀₀ in surgical site infection. QXB¹⁰¹ and QX-ZORB100 are drug candidates.');
    expect(names(ms, 'Drug')).toEqual(['QX-ZORB100', 'QX-ZORB₁₀₀', 'QXB¹⁰¹']);
  });

  it('leaves chemical formulae and footnote marks alone', () => {
    const ms = mentionsOf('The drug candidate lowered CO₂ and H₂O in the assay, as Zorvexa¹ and Quelta² reported.');
    expect(names(ms, 'Drug').filter((n) => /[₀-₉¹²]/u.test(n))).toEqual([]);
  });
});

describe('shapes that are not drugs', () => {
  it('does not read an amount in a currency code as a code name', () => {
    const ms = mentionsOf('Acme will receive USD20m upfront and EUR150m in milestones for the drug candidate QX-44.');
    expect(names(ms, 'Drug')).toEqual(['QX-44']);
  });

  it('does not read a capitalised word in "-gene" inside a sentence as a gene therapy', () => {
    const ms = mentionsOf('Acme entered into a collaboration with Quorigene to develop the drug candidate QX-44, and zorvagene velparvovec.');
    expect(names(ms, 'Drug')).toEqual(['QX-44', 'zorvagene velparvovec']);
  });
});

describe('short code names beside other codes', () => {
  it('reads one capital with a zero-led number as a code, and not "B-12" or "T-20"', () => {
    const ms = mentionsOf('The drug candidates Z-01 and QX-1234 are in Phase 1. The drug candidate was given with B-12 at T-20 sites.');
    expect(names(ms, 'Drug')).toEqual(['QX-1234', 'Z-01']);
  });

  it('does not read the letters of a code after a comma as a company\'s legal suffix ("QXB123, AB-1234")', () => {
    const ms = mentionsOf('The drug candidates QXB123, AB-1234 and QX-44 are in trials for lupus.');
    expect(names(ms, 'Company')).toEqual([]);
    expect(names(ms, 'Drug')).toEqual(['AB-1234', 'QX-44', 'QXB123']);
  });
});

describe('brands in a list after a phrase of their commerce, and before "maker"', () => {
  it('reads every brand-shaped member of the list after "products including" or "launched"', () => {
    const ms = mentionsOf('She led commercial launches for products including Zorvexa and Quelvaro. Acme launched Brixano, Pelvora and Velnoza in Europe, and Monday was a holiday.');
    expect(names(ms, 'Drug')).toEqual(['Brixano', 'Pelvora', 'Quelvaro', 'Velnoza', 'Zorvexa']);
  });

  it('reads a brand before "maker" and a company name, but not an English word or a place', () => {
    const ms = mentionsOf('The round was led by a foundation run by Zorvexa maker Acme Pharma. Vaccine maker Acme and Boston maker Quelta Corp agreed.');
    expect(names(ms, 'Drug')).toEqual(['Zorvexa']);
  });
});

describe('a code of two capitalised parts before "product candidates"', () => {
  it('reads "QRX-FIX product candidates" as a drug, but not a company name or a word before "candidates"', () => {
    const ms = mentionsOf('The license covers the QRX-FIX product candidates for hemophilia B. Quorix product candidates and Early candidates were dropped.');
    expect(names(ms, 'Drug')).toEqual(['QRX-FIX']);
  });
});

describe('a brand after "blockbuster"', () => {
  it('reads the name a "blockbuster" describes, not the words after the adjective', () => {
    const ms = mentionsOf('She led projects that included launching anti-inflammatory blockbuster Zorvexa. Acme has a blockbuster drug.');
    expect(names(ms, 'Drug')).toEqual(['Zorvexa']);
  });
});
