import { classify } from './src/core/classifier';
import { LEXICON } from './src/core/classifier/lexicon';
import { normalize } from './src/core/classifier/normalize';
import { clauseCues } from './src/core/classifier/cues';
const texts = process.argv.slice(2);
for (const t of texts) {
  const n = normalize(t);
  console.log(JSON.stringify(n.text), LEXICON.scan(n.text).map(h => `${h.cat}:${h.phrase}:${h.weight}`));
  for (const line of n.lines) for (const c of line.text.split(/[.!?;]+(?=\s|$)|,\s+/)) if (c.trim()) console.log('   ', JSON.stringify(c.trim()), JSON.stringify(clauseCues(c.trim(), false)));
  console.log(JSON.stringify(classify({ text: t, author: 'U_A', roles: { U_ANA: 'product', U_BEN: 'product', U_A: 'product' } })));
}
