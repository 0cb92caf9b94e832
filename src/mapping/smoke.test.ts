import { test } from 'vitest';
import { validateMapping } from './validate-mapping.js';
test('smoke', async () => {
  for (const c of ['okta-template-default', 'reference-faulty-7d']) {
    const r = await validateMapping({ mappingFile: `fixtures/mapping/cases/${c}/mapping.json`, appSchemaFile: `fixtures/mapping/cases/${c}/app-schema.json`, profile: 'okta-minimum' });
    console.log(c, JSON.stringify(r.summary));
    for (const f of r.findings) console.log(`  ${f.severity} ${f.code} [${f.attribute}] ${f.position ? f.position.line + ':' + f.position.col : ''} ${f.message}${f.fix ? ' FIX ' + f.fix : ''}`);
  }
});
