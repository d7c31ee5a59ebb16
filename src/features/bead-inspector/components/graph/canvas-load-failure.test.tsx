import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildTownGraph } from '../../../../../scenarios';
import { renderApp } from '../../../../test/render-app';
import { FixedDependencyGraph } from './dependency-graph';

// The graph view's chunk fails to download (a dropped connection, or a deploy that removed it)
// until the connection is back.
const network = vi.hoisted(() => ({ down: true }));
vi.mock('./graph-canvas', () => {
  if (network.down) throw new Error('Failed to fetch dynamically imported module: /assets/graph-canvas-1a2b3c.js');
  return { default: ({ drawn }: { drawn: { nodes: unknown[] } }) => <p>canvas with {drawn.nodes.length} beads</p> };
});

describe('the graph view failing to load', () => {
  it('says what failed and what to do instead of an empty panel, and a retry draws the graph', async () => {
    renderApp('/', { element: <FixedDependencyGraph graph={buildTownGraph({ beads: 20 })} /> });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The graph view could not be loaded');
    expect(alert).toHaveTextContent('or the connection dropped');
    // The facts around the picture are still there while the canvas is missing.
    expect(screen.getByText('Upstream — blocks the focus')).toBeVisible();
    network.down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/^canvas with \d+ beads$/)).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
