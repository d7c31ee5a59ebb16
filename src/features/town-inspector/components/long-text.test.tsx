import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { endpoints, toSearchParams, type EndpointSpec } from '../../../api/endpoints';
import { setLiveRefreshPaused } from '../../../lib/live-refresh';
import { server } from '../../../mocks/node';
import { renderApp, scenarioTown, TEST_API_BASE } from '../../../test/render-app';
import { DEV_TOKENS } from '../../../test/tokens';
import type { z } from 'zod';

/**
 * A 10 MB title or failure reason (issue 17: a 10 MB string froze a tab for 757 s) where the panel
 * shows it inside other text: a finding quoting the review's failure reason, the review queue's row,
 * a bead's merge-request facts. Each page holds only a bounded head, with "show all" where a block
 * of text can have one and a clamped name where it sits in a link.
 */
afterEach(() => setLiveRefreshPaused(false));

const TEN_MB = 10 * 1024 * 1024;
const huge = (head: string) => `${head} ${'x'.repeat(TEN_MB)}`;
const PAGE_BUDGET = 1_000_000;

/** The endpoint's real answer, then every later read of it answers `change(answer)`. */
async function answerChanged<T extends z.ZodType>(spec: EndpointSpec<T>, change: (body: z.infer<T>) => void) {
  const res = await fetch(`${TEST_API_BASE}${spec.path}${toSearchParams(spec.query)}`, {
    headers: { authorization: `Bearer ${DEV_TOKENS.admin}` },
  });
  const body = (await res.json()) as z.infer<T>;
  change(body);
  server.use(http.get(`${TEST_API_BASE}${spec.path}`, () => HttpResponse.json(body as Record<string, unknown>)));
}

describe('10 MB titles and failure reasons', () => {
  it('the finding that quotes a failed review and the review queue row hold a bounded head, all of it on demand', async () => {
    setLiveRefreshPaused(true);
    const user = userEvent.setup();
    const town = scenarioTown('docs-site');
    const reason = huge('merge conflict in docs/sidebar.ts');
    await answerChanged(endpoints.town(town.town.id), (t) => {
      const troubled = t.health_inputs.reviews.troubled[0]!;
      troubled.title = huge('Merge: Add versioned docs sidebar');
      troubled.failure_reason = reason;
    });
    await answerChanged(endpoints.reviewQueue(town.town.id), (q) => {
      const failed = q.entries.find((e) => e.failure_reason !== null)!;
      failed.title = huge('Merge: Add versioned docs sidebar');
      failed.failure_reason = reason;
    });
    renderApp(`/towns/${town.town.id}/review`);
    const table = await screen.findByRole('table', { name: 'Merge requests' }, { timeout: 10_000 });
    const row = within(table)
      .getAllByTestId('review-row')
      .find((r) => r.textContent?.includes('merge conflict in docs/sidebar.ts'))!;
    expect(within(row).getByRole('link', { name: /^Merge: Add versioned docs sidebar x+…$/ })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^Show all of the failure reason \(10\.\d MB\)$/ })).toBeInTheDocument();
    const finding = await screen.findByRole('button', { name: /^Show all of the finding \(10\.\d MB\)$/ });
    expect(document.body.innerHTML.length).toBeLessThan(PAGE_BUDGET);

    // On demand the finding's whole text shows, as text inside its link (still no element from it).
    await user.click(finding);
    const open = finding.closest('.bounded')!;
    expect(open.textContent).toContain(reason);
    expect(within(open as HTMLElement).getByRole('link')).toHaveAttribute('href', expect.stringContaining(`/towns/${town.town.id}/`));
  }, 60_000);

  it('a merge request’s page bounds its failure reason and its branch', async () => {
    setLiveRefreshPaused(true);
    const town = scenarioTown('docs-site');
    const mr = town.reviews.find((r) => r.failure_reason !== null)!;
    await answerChanged(endpoints.bead(town.town.id, mr.bead_id), (b) => {
      for (const m of b.merge_requests) {
        m.failure_reason = huge('merge conflict in docs/sidebar.ts');
        m.branch = huge('feature/docs');
      }
    });
    renderApp(`/towns/${town.town.id}/beads/${mr.bead_id}`);
    await screen.findByRole('heading', { name: 'This merge request' }, { timeout: 10_000 });
    expect(screen.getAllByRole('button', { name: /^Show all of the failure reason \(10\.\d MB\)$/ }).length).toBeGreaterThan(0);
    expect(document.body.innerHTML.length).toBeLessThan(PAGE_BUDGET);
  }, 60_000);
});
