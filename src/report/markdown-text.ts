// Markdown cells that server or input data cannot break: no pipes or newlines leak into a table.

export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;');
}

export function code(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  return `\`${cell(text).replace(/`/g, "'")}\``;
}
