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
});
