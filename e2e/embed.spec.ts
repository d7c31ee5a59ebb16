import { expect, test, type ConsoleMessage } from '@playwright/test';
import { DANA, DEMO_HOST_PORT, DemoHost, HOST_ORIGIN, PANEL_ORIGIN } from './pages/demo-host';

const TOWN_PATH = /^\/towns\/[0-9a-f-]{36}\/state$/;

test.describe('embedded in an iframe', () => {
  test('the dashboard hands over an admin token; the inner deep link lives in the host URL and survives a reload', async ({ page }) => {
    const host = new DemoHost(page);
    await host.open();
    const panel = host.frame();
    await expect(panel.getByTestId('town-row')).toHaveCount(9);
    await expect(panel.getByLabel('Admin token')).toHaveCount(0);
    await host.expectHostPath(new RegExp(`^/admin/users/${DANA}/gastown/users/${DANA}$`));
    // The frame is sized to its content: the page scrolls, not the panel.
    await expect.poll(async () => (await page.locator('iframe[name="gastown-admin"]').boundingBox())?.height ?? 0).toBeGreaterThan(1500);

    await panel.getByRole('link', { name: 'Open payments-api in the Town Inspector' }).click();
    await expect(panel.getByRole('heading', { name: 'payments-api' })).toBeVisible();
    await host.expectHostPath(new RegExp(`^/admin/users/${DANA}/gastown/towns/[0-9a-f-]{36}/state$`));
    await expect(page.getByTestId('inner-path')).toHaveText(TOWN_PATH);
    const deepLink = host.hostPath();

    await page.reload();
    await expect(host.frame().getByRole('heading', { name: 'payments-api' })).toBeVisible();
    expect(host.hostPath()).toBe(deepLink);
    await expect(host.frame().locator('html')).toHaveAttribute('data-embedded', 'iframe');
  });

  test('a town row’s container restart opens its dialog where the admin is looking, not mid-frame', async ({ page }) => {
    const host = new DemoHost(page);
    await host.open();
    const panel = host.frame();
    const restart = panel.getByRole('button', { name: 'Force-restart the container of storefront' });
    await restart.scrollIntoViewIfNeeded();
    await restart.click();
    const dialog = panel.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Force-restart container' })).toBeVisible();
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await expect(dialog.getByLabel(/Reason/)).toBeVisible();
  });

  test('the dashboard’s theme reaches the panel', async ({ page }) => {
    const host = new DemoHost(page);
    await host.open();
    const root = host.frame().locator('html');
    const body = host.frame().locator('body');
    await expect(root).toHaveAttribute('data-theme', 'light');
    await expect(body).toHaveCSS('background-color', 'rgb(246, 247, 249)');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(root).toHaveAttribute('data-theme', 'dark');
    // The panel's colours follow, not just the attribute.
    await expect(body).toHaveCSS('background-color', 'rgb(15, 19, 24)');
    await expect(body).toHaveCSS('color', 'rgb(227, 232, 239)');
  });

  test('a message from a foreign origin is ignored and logged', async ({ page, context }) => {
    const logs: string[] = [];
    page.on('console', (m: ConsoleMessage) => logs.push(m.text()));
    const host = new DemoHost(page);
    await host.open();
    await expect(host.frame().getByTestId('town-row')).toHaveCount(9);
    const before = host.hostPath();

    // A third-party widget on the dashboard page tries to steer the panel and swap its session.
    await context.route('http://widget.evil.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<script>
          const panel = parent.frames['gastown-admin'];
          const v1 = { protocol: 'gastown-admin', version: 1 };
          panel.postMessage({ ...v1, type: 'navigate', path: '/audit' }, '*');
          panel.postMessage({ ...v1, type: 'session', token: 'dev-support-token', user: { id: 'usr_evil' } }, '*');
        </script>`,
      }),
    );
    await page.evaluate(() => {
      const widget = document.createElement('iframe');
      widget.src = 'http://widget.evil.example/ad';
      widget.title = 'widget';
      document.body.append(widget);
    });

    await expect.poll(() => logs.filter((l) => l.includes('ignored a message from http://widget.evil.example')).length).toBe(2);
    expect(logs.join('\n')).not.toContain('dev-support-token');
    await expect(host.frame().getByTestId('town-row')).toHaveCount(9);
    await expect(host.frame().getByRole('heading', { name: 'Admins only' })).toHaveCount(0);
    expect(host.hostPath()).toBe(before);
  });

  test('a non-admin token gets the "admins only" page and no data', async ({ page }) => {
    const host = new DemoHost(page);
    await host.signInAs('support');
    await host.open();
    const panel = host.frame();
    await expect(panel.getByRole('heading', { name: 'Admins only' })).toBeVisible();
    await expect(panel.getByText('Gastown Admin is for Kilo admins only.')).toBeVisible();
    await expect(panel.getByTestId('town-row')).toHaveCount(0);
    await expect(panel.getByText('Dana Whitfield')).toHaveCount(0);
    // The dashboard owns the session: no sign-in form, no "use another account".
    await expect(panel.getByLabel('Admin token')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Use another account' })).toHaveCount(0);
  });

  test('a rejected token makes the panel ask the dashboard for a fresh one instead of showing a login', async ({ page }) => {
    const host = new DemoHost(page);
    await host.signInAs('expiring');
    await host.open();
    const panel = host.frame();
    await expect(panel.getByTestId('town-row')).toHaveCount(9);
    await expect(panel.getByLabel('Admin token')).toHaveCount(0);
    // Handed over twice: at start (rejected with 401) and when the panel asked for a fresh token.
    await expect(page.locator('iframe[name="gastown-admin"]')).toHaveAttribute('data-session-handovers', '2');
  });

  test('the panel refuses to be framed by a page that is not an allowed dashboard (CSP frame-ancestors)', async ({ page, request }) => {
    const response = await request.get(`${PANEL_ORIGIN}/users/${DANA}`);
    expect(response.headers()['content-security-policy']).toContain(`frame-ancestors ${HOST_ORIGIN};`);

    // The same dashboard page, reached as localhost: another origin, not on the list.
    await page.goto(`http://localhost:${DEMO_HOST_PORT}/admin/users/${DANA}`);
    await expect(page.getByRole('heading', { name: 'Dana Whitfield', level: 1 })).toBeVisible();
    await expect
      .poll(() =>
        page
          .frames()
          .map((f) => f.url())
          .find((u) => u.startsWith('chrome-error:') || u.startsWith(PANEL_ORIGIN)),
      )
      .toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe[name="gastown-admin"]').locator('#root')).toHaveCount(0);
  });
});

test.describe('mounted by module federation', () => {
  test('renders the user section inside the host page’s DOM, follows deep links, and unmount leaves nothing behind', async ({ page }) => {
    const panelRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(PANEL_ORIGIN)) panelRequests.push(r.url());
    });
    const host = new DemoHost(page);
    await host.open(`/admin/users/${DANA}/gastown-mf`);
    const slot = host.federatedSlot();
    await expect(slot.getByTestId('town-row')).toHaveCount(9);
    await expect(page.locator('iframe')).toHaveCount(0);
    // React comes from the host: the remote never downloads its own copy.
    expect(panelRequests.some((u) => u.includes('remoteEntry.js'))).toBe(true);
    expect(panelRequests.filter((u) => /prebuild__react/.test(u))).toEqual([]);
    // The panel's styles stay inside the slot: the host page keeps its own look.
    await expect(page.locator('body')).toHaveCSS('font-family', /Inter/);

    await slot.getByRole('link', { name: 'Open payments-api in the Town Inspector' }).click();
    await expect(slot.getByRole('heading', { name: 'payments-api' })).toBeVisible();
    await host.expectHostPath(new RegExp(`^/admin/users/${DANA}/gastown-mf/towns/[0-9a-f-]{36}/state$`));
    await expect(page.getByTestId('inner-path')).toHaveText(TOWN_PATH);
    await page.reload();
    await expect(host.federatedSlot().getByRole('heading', { name: 'payments-api' })).toBeVisible();
    await page.goBack();
    await expect(host.federatedSlot().getByTestId('town-row')).toHaveCount(9);

    // Dialogs render inside the panel's element, with its styles, and leave with it.
    await slot.getByRole('button', { name: 'Force-restart the container of ml-pipeline' }).click();
    const dialog = slot.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Force-restart container' })).toBeVisible();
    await expect(dialog).toHaveCSS('position', 'fixed');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);

    await page.getByRole('button', { name: 'Hide' }).click();
    await expect(host.federatedSlot()).toHaveCount(0);
    const leftovers = () =>
      page.evaluate(() => ({
        styles: document.querySelectorAll('style[data-gastown-admin]').length,
        scoped: document.querySelectorAll('.gastown-admin, [data-embedded], .shell, .town-list').length,
        stored: Object.keys(sessionStorage).filter((k) => k.startsWith('gastown-admin')),
      }));
    await expect.poll(leftovers).toEqual({ styles: 0, scoped: 0, stored: [] });

    // Mounting again works: nothing of the first mount was left to get in the way.
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(host.federatedSlot().getByTestId('town-row')).toHaveCount(9);
  });
});
