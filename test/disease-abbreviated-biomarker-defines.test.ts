// A biomarker's abbreviation alone before a disease that names no organ ("HRD solid tumors") defines
// the indication, as a marker pair does ("KRAS-mutant solid tumors"): the name keeps it, so the drug is
// studied for that indication, not for all solid tumors (issue 16). Invented drug names.
import { describe as group, expect, it } from 'vitest';
import { mentionsOf } from './support/entities.ts';

const diseaseNames = (text: string): string[] =>
  mentionsOf(text)
    .filter((m) => m.label === 'Disease')
    .map((m) => m.canonical);

group('a bare biomarker abbreviation before a siteless disease stays in its name', () => {
  it.each([
    ['QX-12 is a Phase 1 inhibitor for the treatment of HRD solid tumors.', 'HRD solid tumors'],
    ['Zorvexa showed responses in BRCA cancers resistant to prior therapy.', 'BRCA cancers'],
    ['Kelvar plans a Phase 2 expansion in MTAP tumors.', 'MTAP tumors'],
  ])('reads %s', (sentence, disease) => {
    expect(diseaseNames(sentence)).toContain(disease);
  });
});

group('capitals that are no biomarker leave the disease as it is', () => {
  it.each([
    ['QX-12 is studied in NSCLC tumors and other cancers.', 'NSCLC tumors'],
    ['QX12 solid tumors program enrolled its first patient.', 'QX12 solid tumors'],
    ['Kelvar sells it to US cancer centers.', 'US cancer'],
    ['Zorvexa is studied in lung and HER2 solid tumors.', 'lung HER2 solid tumors'],
    ['Loss of the VHL tumor suppressor drives these cancers.', 'VHL tumor'],
    ['QX-12 shrank BRCA tumor samples in the lab.', 'BRCA tumor'],
  ])('does not name a narrower disease in %s', (sentence, wrong) => {
    expect(diseaseNames(sentence)).not.toContain(wrong);
  });

  it('keeps a marker a breast cancer is written with out of the name (the organ names the disease)', () => {
    expect(diseaseNames('QX-12 is studied in HER2 breast cancer.')).not.toContain('HER2 breast cancer');
  });
});
