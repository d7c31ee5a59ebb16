import { expect, type Page } from '@playwright/test';

/** User search (`/users?q=`) and the user's Gastown section (`/users/:id`). */
export class UserPages {
  constructor(readonly page: Page) {}

  async search(text: string) {
    await this.page.goto('/users');
    await this.page.getByLabel('Find a user').fill(text);
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/\./g, '\\.')}`));
  }

  resultLink(name: string) {
    return this.page.getByRole('table', { name: 'Matching users' }).getByRole('link', { name });
  }

  townRows() {
    return this.page.getByTestId('town-row');
  }

  townRow(name: string) {
    return this.townRows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
