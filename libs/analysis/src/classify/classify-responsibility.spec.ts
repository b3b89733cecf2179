import { VALUE_LEVELS } from '@rolemap/domain';
import { contentStems } from '../text/words';
import { UNMATCHED_CONFIDENCE, classifyResponsibility } from './classify-responsibility';
import { VOCABULARY } from './vocabulary';

describe('classifyResponsibility', () => {
  it.each([
    ['Code reviews'],
    ['Fix production bugs'],
    ['Build new checkout features'],
    ['Write unit tests for the payments service'],
    ['Process supplier invoices'],
    ['Prepare the monthly figures for finance'],
    ['Answering customer tickets'],
    ['On-call rota'],
    ['File quarterly VAT returns'],
    ['Month-end close and reconciliations'],
    ['Hands-on data entry'],
    ['Debugging and deploying releases'],
    ['Run payroll'],
    ['Interview and screen candidates'],
    ['Configure and maintain the CI pipeline'],
  ])('"%s" is IMPLEMENTATION', (text) => {
    const result = classifyResponsibility(text);
    expect(result.level).toBe('IMPLEMENTATION');
    expect(result.matchedTerms.length).toBeGreaterThan(0);
    expect(result.confidence).toBeGreaterThan(UNMATCHED_CONFIDENCE);
  });

  it.each([
    ['Coordinate releases across squads'],
    ['Coordinating vendor deliveries'],
    ['Coordination of the field teams'],
    ['Run daily stand-ups'],
    ['Sprint planning'],
    ['Plan sprints and assign work'],
    ['Allocate engineers to projects'],
    ['Schedule shifts for the warehouse'],
    ['Integrate work from the three design teams'],
    ['Weekly one-on-ones and performance reviews'],
    ['Triage and prioritise the backlog'],
    ['Capacity planning for Q3'],
    ['Onboarding new hires onto the team'],
  ])('"%s" is UNIFICATION', (text) => {
    expect(classifyResponsibility(text).level).toBe('UNIFICATION');
  });

  it.each([
    ['Present results to the leadership forum'],
    ['Report to the board on risk'],
    ['Quarterly board report'],
    ['Negotiate supplier contracts'],
    ['Align stakeholders on the roadmap changes'],
    ['Represent the company at industry events'],
    ['Communicate changes to the wider organisation'],
    ['Investor relations'],
    ['Run the monthly all-hands'],
    ['Stakeholder updates'],
    ['Liaise with regulators'],
  ])('"%s" is COMMUNICATION', (text) => {
    expect(classifyResponsibility(text).level).toBe('COMMUNICATION');
  });

  it.each([
    ['Set strategy for the EMEA region'],
    ['Define product vision'],
    ['Hire and develop leaders'],
    ['Mentor managers'],
    ['Mentoring first-time managers'],
    ['Succession planning for critical roles'],
    ['Decide on investments'],
    ['Define direction for the data platform'],
    ['Own the departmental budget'],
    ['Set OKRs for the division'],
    ['Shape engineering culture'],
    ['Org design and reorganization'],
  ])('"%s" is LEADERSHIP', (text) => {
    expect(classifyResponsibility(text).level).toBe('LEADERSHIP');
  });

  describe('stemming', () => {
    it('treats coordinate, coordinating, coordinated and coordination as one word', () => {
      for (const text of ['coordinate', 'coordinating', 'coordinated', 'coordination', 'Co-ordinating']) {
        const result = classifyResponsibility(`${text} suppliers`);
        if (text === 'Co-ordinating') {
          // A hyphen splits words; "co ordinating" is not in the vocabulary and must not guess.
          expect(result.matchedTerms).not.toContain('coordinate');
          continue;
        }
        expect(result).toEqual(expect.objectContaining({ level: 'UNIFICATION', matchedTerms: ['coordinate'] }));
      }
    });

    it('does not confuse succession with customer success', () => {
      expect(classifyResponsibility('Customer success tickets').level).toBe('IMPLEMENTATION');
      expect(classifyResponsibility('Succession').level).toBe('LEADERSHIP');
    });
  });

  describe('phrases', () => {
    it('outweigh single words of another level and claim their words', () => {
      const result = classifyResponsibility('Develop leaders');
      expect(result.level).toBe('LEADERSHIP');
      expect(result.matchedTerms).toEqual(['develop leaders']);
      expect(result.scores.IMPLEMENTATION).toBe(0);
    });

    it('match in any word order and across a filler word', () => {
      expect(classifyResponsibility('Sprint planning').matchedTerms).toEqual(['plan sprints']);
      expect(classifyResponsibility('Answer customer tickets').matchedTerms).toEqual(['answer tickets']);
    });

    it('score more than a single word, so a phrase is more confident', () => {
      const phrase = classifyResponsibility('Code reviews');
      const word = classifyResponsibility('Debugging');
      expect(phrase.scores.IMPLEMENTATION).toBeGreaterThan(word.scores.IMPLEMENTATION);
      expect(phrase.confidence).toBeGreaterThan(word.confidence);
    });

    it('the longer phrase wins over the shorter one it contains', () => {
      expect(classifyResponsibility('Hire and develop leaders').matchedTerms).toEqual(['hire and develop leaders']);
    });
  });

  describe('confidence', () => {
    it('is lower when the text points to two levels', () => {
      const mixed = classifyResponsibility('Coordinate and present');
      const clear = classifyResponsibility('Coordinate and schedule');
      expect(mixed.confidence).toBeLessThan(clear.confidence);
      expect(mixed.confidence).toBeLessThan(0.5);
    });

    it('breaks a tie in favour of the first verb', () => {
      expect(classifyResponsibility('Present and coordinate').level).toBe('COMMUNICATION');
      expect(classifyResponsibility('Coordinate and present').level).toBe('UNIFICATION');
    });

    it('stays between 0 and 1', () => {
      for (const text of ['Set strategy, define direction and set goals', 'x', 'Code reviews, write code, fix bugs']) {
        const { confidence } = classifyResponsibility(text);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('when nothing matches', () => {
    it.each(['Q3 SOX walkthroughs', 'Misc.', '', 'Widget 42'])('"%s" defaults to IMPLEMENTATION at low confidence', (text) => {
      expect(classifyResponsibility(text)).toEqual({
        level: 'IMPLEMENTATION',
        confidence: UNMATCHED_CONFIDENCE,
        matchedTerms: [],
        scores: { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 },
      });
      expect(UNMATCHED_CONFIDENCE).toBeLessThanOrEqual(0.3);
    });
  });

  it('has no vocabulary phrase that reduces to nothing after stopwords', () => {
    for (const level of VALUE_LEVELS) {
      for (const term of [...VOCABULARY[level].words, ...VOCABULARY[level].phrases]) {
        expect(contentStems(term).length).toBeGreaterThan(0);
      }
    }
  });
});

describe('classifyResponsibility: wordings found in the demo data', () => {
  it.each([
    ['Review pull requests for the fleet API', 'IMPLEMENTATION'],
    ['Update the budget-versus-actuals spreadsheet', 'IMPLEMENTATION'],
    ['Run the weekly operations meeting', 'UNIFICATION'],
    ['Set the three-year product roadmap', 'LEADERSHIP'],
    ['Report billing exceptions to the Director of Finance', 'COMMUNICATION'],
    ['Prepare the monthly board report', 'COMMUNICATION'],
    ['Prepare expense reports', 'IMPLEMENTATION'],
  ])('reads %p as %s', (text, level) => {
    const result = classifyResponsibility(text);
    expect(result.level).toBe(level);
    expect(result.matchedTerms.length).toBeGreaterThan(0);
  });
});
