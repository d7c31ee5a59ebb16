import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render-app';
import { BoundedJson, BoundedText } from './bounded-text';

const TEN_MB = `${'<b>not html</b> '.repeat(625_000)}`; // 10,000,000 characters

describe('BoundedText', () => {
  it('shows a 10 MB string as a bounded head with "show all (10.0 MB)", and the whole text (as text) only when asked', async () => {
    const user = userEvent.setup();
    const { container } = renderApp('/', { element: <BoundedText text={TEN_MB} label="reason" /> });
    const toggle = screen.getByRole('button', { name: 'Show all of the reason (10.0 MB)' });
    expect(toggle).toHaveTextContent('show all (10.0 MB)');
    expect(container.textContent!.length).toBeLessThan(300);
    expect(container.querySelector('b')).toBeNull();

    await user.click(toggle);
    expect(container.textContent).toContain(TEN_MB);
    expect(container.querySelector('b')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show less of the reason' }));
    expect(container.textContent!.length).toBeLessThan(300);
  });

  it('shows short text whole, with no toggle', () => {
    renderApp('/', { element: <BoundedText text="OOM loop: restart" /> });
    expect(screen.getByText('OOM loop: restart')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('bounds a block by lines as well as characters', () => {
    const stderr = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
    const { container } = renderApp('/', { element: <BoundedText text={stderr} size="block" pre /> });
    expect(container.textContent).toContain('line 39');
    expect(container.textContent).not.toContain('line 40');
    expect(screen.getByRole('button', { name: 'Show all (4.4 KB)' })).toBeInTheDocument();
  });
});

describe('BoundedJson', () => {
  it('pretty-prints the head of a huge before/after and the whole value on demand', async () => {
    const user = userEvent.setup();
    const value = { reason: TEN_MB, status: 'idle' };
    const { container } = renderApp('/', { element: <BoundedJson value={value} label="before" /> });
    expect(container.textContent).toMatch(/^\{\n {2}"reason": "<b>not html/);
    expect(container.textContent!.length).toBeLessThan(4_100);
    expect(container.textContent).not.toContain('"status"');
    await user.click(screen.getByRole('button', { name: 'Show all of the before (10.0 MB)' }));
    expect(container.textContent).toContain('"status": "idle"');
  });

  it('shows a small value whole', () => {
    const { container } = renderApp('/', { element: <BoundedJson value={{ status: 'idle' }} /> });
    expect(container.textContent).toBe(JSON.stringify({ status: 'idle' }, null, 2));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
