import { describe, expect, it } from 'vitest';
import { JSON_REPORT_FORMAT, renderJson } from './json.js';
import { sampleRun } from '../../../test/helpers/sample-run.js';
import { verdictOf } from '../../runner/verdict.js';

describe('renderJson', () => {
  it('starts with the format and the summary', () => {
    const text = renderJson(sampleRun());
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(0, 3)).toEqual(['format', 'verdict', 'summary']);
    expect(parsed.format).toBe(JSON_REPORT_FORMAT);
    expect(text.split('\n')[1]).toBe('  "format": "scim-check-run/1",');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('round-trips the RunResult', () => {
    const run = sampleRun();
    const { format, verdict, ...rest } = JSON.parse(renderJson(run)) as Record<string, unknown>;
    expect(verdict).toEqual(verdictOf(run));
    expect(format).toBe('scim-check-run/1');
    // what JSON can carry: undefined-valued keys drop out, everything else survives;
    // the only addition is a curl reproduction on each failed check
    const withoutCurl = JSON.parse(JSON.stringify(rest), (key, value) => (key === 'curl' ? undefined : value));
    expect(withoutCurl).toEqual(JSON.parse(JSON.stringify(run)));
    expect(JSON.stringify(withoutCurl).length).toBe(JSON.stringify(run).length);
    expect(JSON.stringify(rest)).toContain('"curl":"curl -sS -i -X POST');
  });

  it('is stable and keeps hostile strings intact (JSON escapes them)', () => {
    const text = renderJson(sampleRun());
    expect(text).toBe(renderJson(sampleRun()));
    expect(text).toContain('\\u0000');
    expect(text).not.toContain('\u001b');
  });
});
