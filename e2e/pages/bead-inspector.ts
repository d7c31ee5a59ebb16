import { expect, type Page } from '@playwright/test';
import { buildWorld } from '../../scenarios';

/** Scenario ids are derived from fixed seeds, never from the clock: any anchor time names the same beads. */
const world = buildWorld({ now: Date.parse('2026-01-01T00:00:00Z') });

export function scenarioBead(townName: string, title: string) {
  const town = world.towns.find((t) => t.town.name === townName);
  const bead = town?.beads.find((b) => b.title === title);
  if (!town || !bead) throw new Error(`No bead “${title}” in scenario town ${townName}`);
  return { townId: town.town.id, beadId: bead.id };
}

/** The Bead Inspector (`/towns/:townId/beads/:beadId?focus=&depth=`) and its dependency graph. */
export class BeadInspectorPage {
  constructor(readonly page: Page) {}

  async open(townName: string, title: string, query = '') {
    const { townId, beadId } = scenarioBead(townName, title);
    await this.page.goto(`/towns/${townId}/beads/${beadId}${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  canvas() {
    return this.page.locator('.graph-canvas');
  }

  graphNode(title: string) {
    return this.canvas().locator('.react-flow__node').filter({ hasText: title });
  }

  focusedNode() {
    return this.canvas().locator('.react-flow__node.is-focus');
  }

  async waitForGraph() {
    await expect(this.canvas()).toHaveAttribute('data-graph-state', 'ready');
  }

  blockedChains() {
    return this.page.getByRole('note', { name: 'Blocked chains' });
  }
}
