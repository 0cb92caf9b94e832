// Where something is in an input file (suite, mapping, profile, samples): 1-based line and column.
export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}
