import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { getStore } from '../../mocks/handlers';
import { server } from '../../mocks/node';
import { paths } from '../../lib/paths';
import { renderApp } from '../../test/render-app';
import { AgentInspector } from './components/agent-inspector';

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
const LINK = '<a href="javascript:window.__pwned=1">click</a>';
const HOSTILE = `${IMG} ${SCRIPT} ${LINK}`;

describe('agent output is text', () => {
  it('shows HTML and script payloads literally in rows, payloads, the conversation and the prompt, and runs none of them', async () => {
    const town = getStore().editTown('support-bot', (seed) => {
      seed.mayor!.system_prompt = `Prompt ${HOSTILE} {{rigs}}`;
      seed.mayor!.system_prompt_context = { rigs: SCRIPT };
    });
    const mayor = town.agents.find((a) => a.role === 'mayor')!;
    const base = `*/api/admin/towns/${town.town.id}/agents/${mayor.id}`;
    const event = (id: number) => ({
      id,
      agent_id: mayor.id,
      event_type: 'message_part.updated',
      data: { type: 'message_part.updated', properties: { sessionID: 's', part: { type: 'text', text: `${HOSTILE} #${id}` } } },
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
      summary: `${HOSTILE} #${id}`,
    });
    server.use(
      http.get(`${base}/event-index`, () =>
        HttpResponse.json({
          rows: [
            [1, Date.UTC(2026, 0, 1), 'message_part.updated', `${HOSTILE} #1`],
            [2, Date.UTC(2026, 0, 1, 0, 1), `<b>bold</b>`, SCRIPT],
          ],
          next_cursor: null,
          total: 2,
        }),
      ),
      http.get(`${base}/events/:id`, ({ params }) => HttpResponse.json(event(Number(params.id)))),
      http.get(`${base}/events`, () => HttpResponse.json({ items: [event(2), event(1)], next_cursor: null, total: 2 })),
    );
    const user = userEvent.setup();
    const { container } = renderApp(paths.agent.getHref(town.town.id, mayor.id), {
      element: <AgentInspector townId={town.town.id} agentId={mayor.id} />,
      path: paths.agent.path,
      layout: true, // the event list virtualizes
    });
    const list = await screen.findByRole('list', { name: 'SDK events, newest first' });
    const row = await within(list).findByText(`${HOSTILE} #1`);
    expect(row).toBeInTheDocument();
    expect(within(list).getByText('<b>bold</b>')).toBeInTheDocument();
    await user.click(row);
    const payload = await screen.findByLabelText('Payload of event 1');
    expect(payload.textContent).toContain('<script>window.__pwned = \\"script\\"</script>');
    const conversation = screen.getByRole('region', { name: 'Recent conversation' });
    expect(await within(conversation).findByText(`${HOSTILE} #2`)).toBeInTheDocument();
    expect(screen.getByLabelText('Rendered system prompt').textContent).toContain(`Prompt ${HOSTILE} ${SCRIPT}`);
    // Searching marks the text without turning it into markup.
    await user.type(screen.getByRole('searchbox', { name: 'Search loaded events' }), '<script>');
    await screen.findByText('2 of 2 matches');

    expect(container.querySelectorAll('script, img, b, a[href^="javascript"]')).toHaveLength(0);
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
