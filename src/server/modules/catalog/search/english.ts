// English side of the tokenizer: stop words and a light, deterministic stemmer. Documents and
// queries go through the same function, so consistency matters more than linguistic accuracy.

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'can',
  'do',
  'does',
  'for',
  'from',
  'get',
  'have',
  'how',
  'i',
  'in',
  'into',
  'is',
  'it',
  'its',
  'me',
  'my',
  'need',
  'of',
  'on',
  'or',
  'our',
  'please',
  'the',
  'this',
  'to',
  'want',
  'what',
  'when',
  'where',
  'which',
  'with',
  'you',
  'your',
]);

export function isEnglishStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

function undouble(word: string): string {
  const last = word.at(-1);
  if (word.length > 3 && last === word.at(-2) && last !== undefined && !'lsz'.includes(last)) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * Plural, -ing, -ed and a final -e are removed, so licence/licences/licensed/licensing and
 * register/registered/registering meet on one stem. Words of three letters or fewer stay.
 */
export function stemEnglish(word: string): string {
  let stem = word;
  if (stem.length <= 3 || /\d/.test(stem)) return stem;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('ing') && stem.length > 5) stem = undouble(stem.slice(0, -3));
  else if (stem.endsWith('ed') && stem.length > 4) stem = undouble(stem.slice(0, -2));
  if (stem.endsWith('e') && stem.length > 4) stem = stem.slice(0, -1);
  return stem;
}
