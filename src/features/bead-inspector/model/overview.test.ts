import { describe, expect, it } from 'vitest';
import { overviewBox, overviewToFlow, viewRectangle } from './overview';

describe('the big-graph minimap', () => {
  const wide = { width: 40_000, height: 6_000 };

  it('takes the layout’s shape, within 200 × 140 and never thinner than 48 px', () => {
    expect(overviewBox(wide)).toEqual({ scale: 0.005, width: 200, height: 48 });
    expect(overviewBox({ width: 3_000, height: 6_000 })).toMatchObject({ width: 70, height: 140 });
  });

  it('draws the view where the pane looks, at the pane’s size', () => {
    // Panned so that graph point (20,000, 3,000) is the pane's top-left, at zoom 0.5.
    const rect = viewRectangle({ x: -10_000, y: -1_500, zoom: 0.5 }, { width: 1_000, height: 600 }, 0.005);
    expect(rect).toEqual({ left: 100, top: 15, width: 10, height: 6 });
  });

  it('moves the view to the clicked point, and a click in the margin stays inside the graph', () => {
    expect(overviewToFlow({ x: 100, y: 15 }, wide)).toEqual({ x: 20_000, y: 3_000 });
    expect(overviewToFlow({ x: 100, y: 47 }, wide)).toEqual({ x: 20_000, y: 6_000 });
    expect(overviewToFlow({ x: -5, y: 10 }, wide)).toEqual({ x: 0, y: 2_000 });
  });
});
