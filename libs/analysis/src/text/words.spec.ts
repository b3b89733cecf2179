import { contentStems, sharedStemCount, stemWord, titleSignature, wordsOf } from './words';

describe('wordsOf', () => {
  it('splits on punctuation, drops dots and apostrophes, lower-cases', () => {
    expect(wordsOf('  Sr. V.P. - Sales & Marketing (EMEA)  ')).toEqual(['sr', 'vp', 'sales', 'marketing', 'emea']);
    expect(wordsOf("Team's on-call")).toEqual(['teams', 'on', 'call']);
    expect(wordsOf(' ,; ')).toEqual([]);
  });
});

describe('stemWord', () => {
  it.each([
    [['coordinate', 'coordinating', 'coordinated', 'coordination', 'coordinates'], 'coordin'],
    [['present', 'presenting', 'presentation', 'presentations'], 'present'],
    [['plan', 'plans', 'planning', 'planned'], 'plan'],
    [['process', 'processes', 'processing', 'processed'], 'process'],
    [['review', 'reviews', 'reviewing'], 'review'],
    [['strategy', 'strategies'], 'strategy'],
    [['write', 'writes', 'writing', 'written', 'wrote'], 'writ'],
    [['call', 'calls', 'calling'], 'call'],
    [['reconcile', 'reconciliation', 'reconciling'], 'reconcil'],
  ])('%p share one stem', (words, stem) => {
    for (const word of words) expect(stemWord(word)).toBe(stem);
  });

  it('keeps words the suffix rules would damage', () => {
    expect(stemWord('succession')).not.toBe(stemWord('success'));
    expect(stemWord('status')).toBe('status');
    expect(stemWord('the')).toBe('the');
    expect(stemWord('q3')).toBe('q3');
  });
});

describe('titleSignature', () => {
  it('ignores word order, inflection and stopwords', () => {
    expect(titleSignature('Code reviews')).toBe(titleSignature('Reviewing the code'));
    expect(titleSignature('Payroll processing')).toBe(titleSignature('Process payroll'));
    expect(titleSignature('Code reviews')).not.toBe(titleSignature('Code deployments'));
  });
});

describe('sharedStemCount', () => {
  it('counts common stems once', () => {
    expect(sharedStemCount(new Set(contentStems('code reviews')), new Set(contentStems('reviewing release code')))).toBe(2);
    expect(sharedStemCount(new Set(['a']), new Set(['b']))).toBe(0);
  });
});
