/**
 * Name lists, as given to `--rows`: a file of gene names.
 */

/**
 * A list of names from a file's text: one per line, or the first column of a
 * table (the text before the first tab or comma). Blank lines and lines
 * starting with `#` are ignored; blanks around a name and quotes around it
 * (`"TP53"`) are removed; later copies of a name are dropped.
 */
export function parseNameList(text: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const line of body.split(/\r\n|\n|\r/)) {
    const cut = line.search(/[\t,]/);
    let name = (cut === -1 ? line : line.slice(0, cut)).trim();
    if (name.length === 0 || name.startsWith("#")) continue;
    if (name.length >= 2 && name.startsWith('"') && name.endsWith('"'))
      name = name.slice(1, -1).replace(/""/g, '"');
    if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}
