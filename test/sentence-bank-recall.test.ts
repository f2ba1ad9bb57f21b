// The sentence bank as a measure of generalisation: every bank sentence (public text nobody tuned the
// extractors to) goes through the whole pipeline on its own, and the relations it yields are scored
// against the hand annotation. The floors are the figures measured when they were set; a change that
// fits the corpus at the cost of unseen wording lowers them and fails here.
import { describe, expect, it } from 'vitest';
import { formatBankReport, scoreSentenceBank } from './support/sentence-bank-score.ts';

describe('sentence bank (unseen public sentences)', () => {
  it('keeps relation recall and precision on sentences nobody tuned to at or above their measured floors', () => {
    const report = scoreSentenceBank();
    const s = report.overall;
    process.stdout.write(`${formatBankReport(report)}\n`);
    expect(s.found / s.gold).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(s.correct / Math.max(1, s.predicted)).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });
});

// Measured 2026-12-08 (tenth session): recall 38.1 % (188/494), precision 71.1 % (182/256) with that session's appointment and
// contact-block employment rules and the DEVELOPS/OWNS apposition rules (the other rules of that session left the bank flat).
// Measured 2026-12-08 (ninth session): recall 37.9 % (187/494), precision 70.4 % (181/257) with that session's company news frames
// (officer titles, 'CEO of A'), employment frames and the issuer-pipeline, licence and technology rules together.
// Measured 2026-12-07 (eighth session): recall 37.0 % (183/494), precision 68.6 % (177/258) with the indication and phase
// frames, target shapes, identity and entity-precision rules of that session together; recall 36.6 % (181/494), precision 68.6 % (175/255) after the identity rules (a brand given as a
// drug's brand name, a company's former name, conjugate abbreviations) and the study, cell-line and segment names that
// are no drug or company (issue 17); 36.2 % (179/494), precision 67.8 % (173/255) with all of this session's entity and
// relation rules together (companies by role, drug/target/technology shapes, diseases by shape, deal and science frames);
// 32.2 % (159/494), 65.4 % (153/234) after the company-role rules alone (bare names as
// owners, deal subjects and parties: src/extract/entities/company-roles.ts); 23.5 % (116/494), 61.7 % (116/188) after the drug,
// target and technology shape rules (capital brands by product words, more code shapes and INN stems, HGNC protein names
// before a mode of action, platforms called or set beside a platform noun); 20.6 % (102/494), 60.0 % (102/170) after the component, platform and disease
// rules; 20.0 % (99/494), 59.3 % (99/167) with the deal-party frames, the drug-science
// frames and the ticker-owner and listed-drug entity rules together; 18.8 % (93/494), 58.5 % (93/159) after the deal-party frames (licences from
// institutions and 'a licence agreement for A from X', collaborations named by a noun or 'between X, Y', issuer roles);
// before them 18.0 % (89/494) and 57.1 % (89/156); before that 16.4 % (81/494), 56.3 % (81/144), after the
// regimen-partner, investor, licence and ownership rules (issue #16); before the grammar frames, short codes and
// issuer-pipeline rules: 14.0 % and 61.1 % (69/113).
const RECALL_FLOOR = 0.38;
const PRECISION_FLOOR = 0.71;
