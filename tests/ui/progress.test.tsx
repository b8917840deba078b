import { expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { Progress } from '../../src/ui/components/progress/view.js';
import { renderProgress } from '../../src/ui/progress.js';

test('renderProgress: bar, counts, percentage and the current file, cut to the width', () => {
  expect(renderProgress(3, 12, 'corpus/a.md', 60)).toBe('[███▊···········]  3/12  25% corpus/a.md');
  expect(renderProgress(12, 12, 'corpus/very-long-file-name-of-an-article.md', 40)).toBe('[██████████] 12/12 100% corpus/very-lon…');
  expect(renderProgress(0, 0, 'x\u001b[2J', 40)).toBe('[██████████] 0/0 100% x [2J');
});

test('Progress component draws the same line', () => {
  const r = render(<Progress done={1} total={4} file="b.md" width={40} />);
  expect(r.lastFrame()).toBe('[██▌·······] 1/4  25% b.md');
  r.unmount();
});
