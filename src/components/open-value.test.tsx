import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AgentRole } from '../api';
import { OpenValue } from './open-value';

describe('OpenValue', () => {
  it('shows a known word plainly', () => {
    render(<OpenValue noun="role" value="polecat" known={AgentRole.options} />);
    expect(screen.getByText('polecat')).not.toHaveClass('badge');
  });

  it('shows an unknown word as itself in a neutral badge whose tooltip says it is unknown', () => {
    render(<OpenValue noun="role" value="witness" known={AgentRole.options} />);
    const badge = screen.getByText('witness');
    expect(badge).toHaveClass('badge', 'badge-neutral');
    expect(badge).toHaveAttribute('title', 'unknown role `witness`');
  });

  it('shows a 10 MB unknown word as its head, in the badge and its tooltip alike', () => {
    const { container } = render(<OpenValue noun="role" value={`witness${'x'.repeat(10_000_000)}`} known={AgentRole.options} />);
    const badge = screen.getByText(/^witnessx+…$/);
    expect(badge.textContent!.length).toBeLessThan(100);
    expect(badge.getAttribute('title')).toMatch(/^unknown role `witnessx+…`$/);
    expect(container.innerHTML.length).toBeLessThan(1_000);
  });
});
