/** One line of a line diff: in both texts, only in the first (removed) or only in the second (added). */
export interface DiffLine {
  op: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line numbers in the first and second text (null where the line is absent). */
  a: number | null;
  b: number | null;
}

export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** True when the middle was too long to align line by line and is shown as removed-then-added. */
  coarse: boolean;
}

/**
 * The longest-common-subsequence table costs (n+1)·(m+1) cells: 4 M cells is ~16 MB and a few tens of
 * milliseconds, past that the differing middle is shown whole (removed, then added) instead.
 */
const MAX_CELLS = 4_000_000;

/**
 * A line diff of two texts: the common prefix and suffix are kept as they are, the middle is aligned by
 * the longest common subsequence of lines (ties prefer the removal first, as `diff` prints them).
 */
export function diffLines(first: string, second: string): LineDiff {
  const a = splitLines(first);
  const b = splitLines(second);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const lines: DiffLine[] = [];
  for (let i = 0; i < start; i++) lines.push({ op: 'same', text: a[i]!, a: i + 1, b: i + 1 });
  const n = endA - start;
  const m = endB - start;
  const coarse = (n + 1) * (m + 1) > MAX_CELLS;
  if (coarse) {
    for (let i = start; i < endA; i++) lines.push({ op: 'removed', text: a[i]!, a: i + 1, b: null });
    for (let j = start; j < endB; j++) lines.push({ op: 'added', text: b[j]!, a: null, b: j + 1 });
  } else {
    // lcs[i * (m + 1) + j] = length of the LCS of a[start + i ..] and b[start + j ..].
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * width + j] =
          a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        lines.push({ op: 'same', text: a[start + i]!, a: start + i + 1, b: start + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        lines.push({ op: 'removed', text: a[start + i]!, a: start + i + 1, b: null });
        i++;
      } else {
        lines.push({ op: 'added', text: b[start + j]!, a: null, b: start + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) lines.push({ op: 'same', text: a[endA + k]!, a: endA + k + 1, b: endB + k + 1 });
  return {
    lines,
    added: lines.filter((l) => l.op === 'added').length,
    removed: lines.filter((l) => l.op === 'removed').length,
    coarse,
  };
}

/** Lines of a text; an empty text has none (not one empty line), and a final newline ends the last line. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
