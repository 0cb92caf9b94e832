// The one-word outcome of a command: pass (exit 0) or fail (exit 1, a must-level problem).
export type Verdict = 'pass' | 'fail';
