// A small RFC 4180 reader (quoted fields, "" escapes, CR/LF, newlines inside quotes) that
// remembers where each record starts, so an input error can say file:line:col.
import { UsageError } from '../errors.js';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export function parseCsv(text: string, file: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // Excel's UTF-8 BOM
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let col = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === '') {
      const start = { line, col };
      i++;
      col++;
      for (;;) {
        if (i >= src.length) throw new UsageError('unterminated quoted field', { file, ...start });
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            col += 2;
            continue;
          }
          i++;
          col++;
          break;
        }
        field += c;
        i++;
        if (c === '\n') {
          line++;
          col = 1;
        } else col++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new UsageError(`unexpected ${JSON.stringify(next)} after a closing quote`, { file, line, col });
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      col = 0;
      recordLine = line;
    } else field += ch;
    i++;
    col++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
