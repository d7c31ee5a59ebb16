import { expect, type Page } from '@playwright/test';

/** The intervention dialog: preview (dry run), reason, confirm, verified result. */
export class InterventionDialog {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async open(actionLabel: string) {
    await this.page.getByRole('group', { name: 'Admin actions' }).getByRole('button', { name: actionLabel }).click();
    await expect(this.dialog).toBeVisible();
  }

  async expectEffect(text: string | RegExp) {
    await expect(this.dialog.getByRole('region', { name: 'Effect' })).toContainText(text);
  }

  async confirm(actionLabel: string, reason: string) {
    await this.dialog.getByLabel(/Reason/).fill(reason);
    await this.dialog.getByRole('button', { name: actionLabel, exact: true }).click();
  }
}
