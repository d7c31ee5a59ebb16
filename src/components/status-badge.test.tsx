import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render-app';
import { StatusBadge } from './status-badge';

describe('StatusBadge', () => {
  it('shows the status as words in its tone', () => {
    renderApp('/', { element: <StatusBadge kind="bead" status="in_progress" /> });
    const badge = screen.getByText('in progress');
    expect(badge).toHaveClass('badge', 'badge-blue');
    expect(badge).not.toHaveAttribute('title');
  });

  it('words a status for its place when told, keeping the tone', () => {
    renderApp('/', { element: <StatusBadge kind="assignment" status="active" label="still hooked" /> });
    expect(screen.getByText('still hooked')).toHaveClass('badge-blue');
  });

  it('shows an unknown status as itself, neutral, and says it is unknown', () => {
    renderApp('/', { element: <StatusBadge kind="agent" status="hibernating_now" /> });
    const badge = screen.getByText('hibernating_now');
    expect(badge).toHaveClass('badge-neutral');
    expect(badge).toHaveAttribute('title', 'unknown status `hibernating_now`');
  });
});
