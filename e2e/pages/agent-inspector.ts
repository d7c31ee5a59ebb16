import { expect, type Page } from '@playwright/test';

/** The Agent Inspector (`/towns/:townId/agents/:agentId`) and its SDK event viewer. */
export class AgentInspectorPage {
  constructor(readonly page: Page) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) });
  }

  findings() {
    return this.page.getByRole('list', { name: 'Findings' });
  }

  eventList() {
    return this.page.getByRole('list', { name: 'SDK events, newest first' });
  }

  eventRow(id: number | string) {
    return this.eventList().locator(`[data-event-row="${id}"]`);
  }

  expandedRow() {
    return this.eventList().getByRole('button', { expanded: true });
  }

  searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search loaded events' });
  }

  matchCount() {
    return this.page.locator('[data-search-query]');
  }

  async search(text: string) {
    await this.searchBox().fill(text);
    await expect(this.matchCount()).toHaveAttribute('data-search-state', 'done');
  }

  async nextMatch() {
    await this.page.getByRole('button', { name: 'Next match' }).click();
  }

  async copyLinkToSelectedEvent(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy link to event' }).click();
    return this.page.getByRole('textbox', { name: 'Link to this event' }).inputValue();
  }

  async waitAllLoaded() {
    await expect(this.page.locator('[data-done="true"]')).toBeVisible({ timeout: 30_000 });
  }
}
