/**
 * Penn Treebank tag → Universal POS tag, as UD English (EWT, GUM) assigns it. The tag alone is
 * not enough for a few classes, and there the word decides, without looking at the context:
 *  - forms of be, and the finite forms of have/do, are AUX (UD tags auxiliaries and the copula
 *    AUX); `have`/`had`/`do` as VB/VBD and the participles of have/do are main verbs more often
 *    than not in EWT, so they stay VERB; modals (MD) are AUX;
 *  - IN is ADP, except the subordinators (because, if, whether, that, …), which are SCONJ;
 *  - "not"/"n't" (RB) are PART; DT/WDT "that"/"which" standing alone are PRON;
 *  - the indefinite pronouns EWT tags NN (anyone, something, …) are PRON;
 *  - ADD (e-mail and web addresses) is PROPN, as EWT tags them, and LS (list markers) is NUM.
 * Context-dependent cases (existential "there is" as VERB, "as"/"for" as SCONJ, "this" as PRON,
 * capitalised adjectives in names tagged NNP) get the majority reading.
 */

/** Lower-cased, with the typographic apostrophe made ASCII (’s → 's). */
function norm(word: string): string {
  return word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

const BE = new Set(['be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', "'s", "'m", "'re", 's', 'm', 're', 'r', 'art', 'ai', 'wert', 'wast']);
/** have/do forms that are AUX by default (finite present and did); the rest of have/do is VERB. */
const AUX_VERB_FORMS: Record<string, ReadonlySet<string>> = {
  VBP: new Set(['have', "'ve", 've', 'do']),
  VBZ: new Set(['has', 'does', "'s", 's']),
  VBD: new Set(['did', "'d", 'd']),
  VB: new Set(["'ve", 've']),
};
/** Modals when a tagger or a treebank gives them a verb tag. */
const MODALS = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "'ll", 'll', 'wo', 'ca', 'ought']);

const SUBORDINATORS = new Set([
  'because', 'cause', "'cause", 'cos', 'coz', 'bc', 'although', 'though', 'whether', 'if', 'that', 'unless', 'while', 'whilst',
  'whereas', 'since', 'until', 'till', "'til", 'til', 'once', 'before', 'lest', 'so', 'whereupon', 'albeit', 'provided', 'providing',
]);
const NOT = new Set(['not', "n't", 'nt', 'n', 'nit']);
const INDEFINITE_PRONOUNS = new Set([
  'anyone', 'anybody', 'anything', 'someone', 'somebody', 'something', 'everyone', 'everybody', 'everything', 'noone',
  'nobody', 'nothing', 'one', 'whoever', 'whatever',
]);
/** NN words that are PRON in EWT, except "one", which is a noun more often (EWT: NOUN). */
const NN_PRON = new Set([...INDEFINITE_PRONOUNS].filter((w) => w !== 'one' && w !== 'whoever' && w !== 'whatever'));
/** Foreign-word (FW) abbreviations EWT does not tag X. */
const FW_NOUN = new Set(['etc', 'etc.', 'ect', 'ect.']);
const FW_ADV = new Set(['e.g.', 'i.e.', 'eg', 'ie', 'c.', 'ca.', 'circa', 'viz.', 'cf.']);

const PUNCT_TAGS = new Set(['.', ',', ':', '``', "''", '-LRB-', '-RRB-', 'HYPH', '(', ')', '"']);

/** Emoticons and rule lines of underscores or slashes are SYM in EWT; other NFP (dashes, asterisks) PUNCT. */
function nfp(word: string): string {
  if (/[a-z0-9()]/i.test(word) || /^_+$/.test(word) || /^[\\/]+$/.test(word) || /^=+$/.test(word)) return 'SYM';
  return 'PUNCT';
}

/** The Universal POS tag for a Penn Treebank (EWT-style) tag of `word`; unknown tags are X. */
export function toUpos(xpos: string, word: string): string {
  const w = norm(word);
  switch (xpos) {
    case 'NN':
      return NN_PRON.has(w) ? 'PRON' : 'NOUN';
    case 'NNS':
      return 'NOUN';
    case 'NNP':
    case 'NNPS':
      return 'PROPN';
    case 'VB':
    case 'VBD':
    case 'VBG':
    case 'VBN':
    case 'VBP':
    case 'VBZ':
      if (BE.has(w) || AUX_VERB_FORMS[xpos]?.has(w) || MODALS.has(w)) return 'AUX';
      return 'VERB';
    case 'MD':
      return 'AUX';
    case 'JJ':
    case 'JJR':
    case 'JJS':
    case 'AFX':
      return 'ADJ';
    case 'RB':
      return NOT.has(w) ? 'PART' : 'ADV';
    case 'RBR':
    case 'RBS':
    case 'WRB':
      return 'ADV';
    case 'IN':
      return SUBORDINATORS.has(w) ? 'SCONJ' : 'ADP';
    case 'RP':
      return 'ADP';
    case 'DT':
      return w === 'that' ? 'PRON' : 'DET';
    case 'PDT':
      return 'DET';
    case 'WDT':
      return w === 'that' || w === 'which' ? 'PRON' : 'DET';
    case 'PRP':
    case 'PRP$':
    case 'WP':
    case 'WP$':
    case 'EX':
      return 'PRON';
    case 'CD':
      return 'NUM';
    case 'CC':
      return 'CCONJ';
    case 'TO':
    case 'POS':
      return 'PART';
    case 'UH':
      return 'INTJ';
    case 'SYM':
    case '$':
    case '#':
      return 'SYM';
    case 'NFP':
      return nfp(word);
    case 'FW':
      return FW_NOUN.has(w) ? 'NOUN' : FW_ADV.has(w) ? 'ADV' : 'X';
    case 'ADD':
      return 'PROPN';
    case 'LS':
      return 'NUM';
    case 'GW':
    case 'XX':
      return 'X';
    default:
      return PUNCT_TAGS.has(xpos) ? 'PUNCT' : 'X';
  }
}
