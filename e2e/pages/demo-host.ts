import { expect, type FrameLocator, type Page } from '@playwright/test';

/** The demo dashboard and the panel it embeds run on the two ports after E2E_PORT (see playwright.config.ts). */
const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const DEMO_PANEL_PORT = e2ePort + 1;
export const DEMO_HOST_PORT = e2ePort + 2;
export const PANEL_ORIGIN = `http://127.0.0.1:${DEMO_PANEL_PORT}`;
export const HOST_ORIGIN = `http://127.0.0.1:${DEMO_HOST_PORT}`;

export const DANA = 'usr_2b7f1c9e4a';
export type Persona = 'admin' | 'support' | 'expiring';

/** The demo admin dashboard's user detail page with its Gastown section. */
export class DemoHost {
  constructor(readonly page: Page) {}

  /** Who the dashboard has signed in (set before the page loads). */
  async signInAs(persona: Persona) {
    await this.page.addInitScript((p) => sessionStorage.setItem('kilo-admin-demo.persona', p), persona);
  }

  async open(path = `/admin/users/${DANA}`) {
    await this.page.goto(`${HOST_ORIGIN}${path}`);
  }

  /** The panel inside its iframe. */
  frame(): FrameLocator {
    return this.page.frameLocator('iframe[name="gastown-admin"]');
  }

  /** The element the federated panel is mounted into (part of the host page's DOM). */
  federatedSlot() {
    return this.page.getByTestId('federated-slot');
  }

  hostPath(): string {
    const url = new URL(this.page.url());
    return `${url.pathname}${url.search}`;
  }

  gastownSection() {
    return this.page.getByRole('region', { name: 'Gastown' });
  }

  async expectHostPath(pattern: RegExp) {
    await expect.poll(() => this.hostPath()).toMatch(pattern);
  }
}
