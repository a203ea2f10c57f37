// A unified-style diff of two short texts, line by line, for showing why a capture's output no
// longer matches what a lesson shows. Outputs are a few dozen lines, so a plain LCS table is fine.

/** Lines prefixed with ' ', '-' (only in `before`) or '+' (only in `after`), with `context` lines around each change. */
export function lineDiff(before: string, after: string, context = 2): string[] {
  // A final newline is not a line of its own.
  const a = before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(' ' + a[i++]);
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      lines.push('-' + a[i++]);
    } else {
      lines.push('+' + b[j++]);
    }
  }
  // Keep only the changed lines and their context; elide long unchanged stretches.
  const near = lines.map((_, k) => lines.slice(Math.max(0, k - context), k + context + 1).some((l) => l[0] !== ' '));
  const shown: string[] = [];
  for (const [k, line] of lines.entries()) {
    if (near[k]) shown.push(line);
    else if (near[k - 1] || k === 0) shown.push('@@');
  }
  return shown;
}
