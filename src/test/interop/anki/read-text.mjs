// Reads Anki's plain-text notes with csv-parse, as Anki's importer reads them (tab-separated,
// double quotes with doubled quotes inside, lines starting with '#' as headers), and prints, as
// JSON, the headers and the records.
// Usage: node read-text.mjs FILE.txt
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

const text = await readFile(process.argv[2], 'utf8');
const headers = {};
for (const line of text.split('\n')) {
  if (!line.startsWith('#')) break;
  const colon = line.indexOf(':');
  headers[line.slice(1, colon)] = line.slice(colon + 1);
}
const records = parse(text, { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true });
process.stdout.write(JSON.stringify({ headers, records }, null, 1) + '\n');
