// A problem found in a suite, located by its path in the parsed data (not yet by line:col).
export type DataPath = (string | number)[];

export interface Diagnostic {
  /** Path of the value (or, with `key`, of the mapping holding the offending key). */
  path: DataPath;
  /** Point at this key of the mapping at `path` instead of at a value. */
  key?: string;
  /** Point at this text inside the scalar at `path` (e.g. one `${{ }}` template), when it can be found verbatim. */
  fragment?: string;
  message: string;
  /** Lower is more relevant; ties are broken by position in the file. */
  rank: number;
}
