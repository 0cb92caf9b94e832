// validate-mapping findings about types name their cause: the function, attribute or literal
// that makes the expression wrong, not only the type it ends up with.
import path from 'node:path';
import { expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../util/paths.js';
import { validateMapping } from './validate-mapping.js';

test('type and condition findings name the function, attribute or literal at fault', async () => {
  const dir = path.join(PACKAGE_ROOT, 'fixtures', 'mapping', 'cases', 'types-and-conditions');
  const res = await validateMapping({
    mappingFile: path.join(dir, 'mapping.yaml'),
    appSchemaFile: path.join(dir, '..', '_shared', 'app-schema.json'),
    profile: 'okta-minimum',
  });
  const text = (code: string, attribute: string) =>
    res.findings.find((f) => f.code === code && f.attribute === attribute)?.message;
  expect(text('MAP_TYPE_MISMATCH', 'employeeNumber')).toBe(
    'Convert.toInt(…) returns an integer, but employeeNumber is of type string',
  );
  expect(text('MAP_TYPE_MISMATCH', 'badgeCount')).toBe(
    'user.title is a string attribute, but badgeCount is of type integer',
  );
  expect(text('MAP_EL_CONDITION', 'userType')).toBe('the condition is not a boolean: user.title is a string attribute');
});
