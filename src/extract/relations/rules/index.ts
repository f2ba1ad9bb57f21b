// The sentence rules in the order they run. Order does not change the result (facts are sorted),
// only which rule's properties a merged relationship keeps first.
import type { SentenceRule } from './types.ts';
import { developmentRule, ownershipRule } from './development.ts';
import { licensingRule } from './licensing.ts';
import { investorRule, milestoneRule, paymentRule } from './payments.ts';
import { acquisitionRule, collaborationRule, optionRule } from './deals.ts';
import { indicationRule, phaseRule, pipelineEntryRule } from './clinical.ts';
import { combinationRule, componentRule, targetAnaphorRule, targetRule, technologyRule } from './anatomy.ts';
import { brandRule, employmentRule, trademarkRule } from './people.ts';
import { frameRule } from '../frames.ts';

export const SENTENCE_RULES: readonly SentenceRule[] = [
  milestoneRule,
  paymentRule,
  investorRule,
  licensingRule,
  developmentRule,
  ownershipRule,
  acquisitionRule,
  optionRule,
  collaborationRule,
  phaseRule,
  indicationRule,
  pipelineEntryRule,
  targetRule,
  targetAnaphorRule,
  componentRule,
  combinationRule,
  technologyRule,
  employmentRule,
  trademarkRule,
  brandRule,
  // Last: where a phrase rule already read a fact, its properties (exclusivity, field, terms) are kept.
  frameRule,
];
