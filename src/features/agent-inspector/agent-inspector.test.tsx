import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getStore } from '../../mocks/handlers';
import { sdkEventAt } from '../../../scenarios';
import { summarizeSdkEvent } from '../../../server/readings/sdk-summary';
import { paths } from '../../lib/paths';
import { renderApp } from '../../test/render-app';
import { AgentInspector } from './components/agent-inspector';

function agentIn(townName: string, agentName: string) {
  const town = getStore().world.towns.find((t) => t.town.name === townName)!;
  const agent = town.agents.find((a) => a.name === agentName)!;
  const stream = town.sdk_streams.find((s) => s.agent_id === agent.id)!;
  // The inspector alone at its route; its event list virtualizes, so layout is stubbed.
  const view = { element: <AgentInspector townId={town.town.id} agentId={agent.id} />, path: paths.agent.path, layout: true };
  return { townId: town.town.id, agentId: agent.id, stream, url: paths.agent.getHref(town.town.id, agent.id), view };
}

/** What the viewer should count: loaded rows whose type or summary contains `q`. */
function expectedMatches(stream: ReturnType<typeof agentIn>['stream'], q: string): number[] {
  const ids: number[] = [];
  for (let id = stream.total; id >= 1; id--) {
    const e = sdkEventAt(stream, id);
    if (`${e.event_type}\t${summarizeSdkEvent(e.event_type, e.data.properties)}`.toLowerCase().includes(q.toLowerCase())) ids.push(id);
  }
  return ids;
}

const allLoaded = () => waitFor(() => expect(screen.getByText(/^All [\d,]+ events loaded$/)).toBeInTheDocument(), { timeout: 8000 });

describe('Agent Inspector on the stuck-agent town (payments-api, Toast)', () => {
  it('says the agent is stalled, its process died with 137, and shows the failed dispatches and the last events', async () => {
    const { url, view } = agentIn('payments-api', 'Toast');
    renderApp(url, view);
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(within(findings).getByText(/^Stalled for/)).toBeInTheDocument();
    expect(within(findings).getByText(/exit code 137 \(SIGKILL\)/)).toBeInTheDocument();
    expect(within(findings).getByText(/4 failed dispatch attempts/)).toBeInTheDocument();
    expect(within(findings).getByText(/last SDK event was 2 h 4\d min ago/)).toBeInTheDocument();
    const dispatch = screen.getByRole('region', { name: 'Dispatch attempts' });
    expect(within(dispatch).getAllByText('failed')).toHaveLength(4);
    expect(within(dispatch).getByText('dispatch timed out after 30 s waiting for the container')).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByRole('link', { name: 'Add idempotency keys to the refund endpoint' })).toBeInTheDocument();
    // Newest SDK event first: the session update right before the process died.
    const list = screen.getByRole('list', { name: 'SDK events, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('button')[0]).toHaveTextContent('session busy'));
    expect(screen.getByRole('region', { name: 'Status timeline' })).toHaveTextContent(/stalled/);
  });
});

describe('Agent Inspector on the mayor-dysfunction town (support-bot, Mayor)', () => {
  it('shows the errored session, the unanswered message, the tool-call loop and the stale prompt context', async () => {
    const { url, view } = agentIn('support-bot', 'Mayor');
    renderApp(url, view);
    const session = await screen.findByRole('region', { name: 'Mayor session' });
    expect(within(session).getByText('errored')).toBeInTheDocument();
    expect(within(session).getByText(/tool call loop detected/)).toBeInTheDocument();
    expect(within(session).getByText('unanswered')).toBeInTheDocument();
    const conversation = screen.getByRole('region', { name: 'Recent conversation' });
    expect(await within(conversation).findByText('×12 identical calls')).toBeInTheDocument();
    // The error counts the same calls the conversation shows.
    expect(within(session).getByText(/read called 12 times with identical input/)).toBeInTheDocument();
    expect(
      within(conversation).getByText('Can you split the onboarding epic into beads and start on the email templates?'),
    ).toBeInTheDocument();
    const prompt = screen.getByRole('region', { name: 'System prompt (rendered)' });
    expect(within(prompt).getByLabelText('Rendered system prompt')).toHaveTextContent(
      'You are the Mayor of the Gastown town "support-bot"',
    );
    expect(within(prompt).getByLabelText('Rendered system prompt')).not.toHaveTextContent('{{rigs}}');
    expect(within(prompt).getByText('looks stale or failed')).toBeInTheDocument();
    // The user's message in the SDK event list reads as its prompt, not just "user message".
    const list = screen.getByRole('list', { name: 'SDK events, newest first' });
    expect(
      await within(list).findByText('user message: Can you split the onboarding epic into beads and start on the email templates?'),
    ).toBeInTheDocument();
  });

  it('the header reads the errored, looping session beside the agent status that still says working', async () => {
    const { url, view } = agentIn('support-bot', 'Mayor');
    renderApp(url, view);
    const badge = await screen.findByTestId('mayor-session-badge', {}, { timeout: 5000 });
    expect(badge).toHaveTextContent('session errored tool-call loop');
    expect(within(badge).getByText('errored')).toHaveClass('badge-red');
  });
});

describe('Agent Inspector on the silent-consumption town (data-warehouse)', () => {
  it('flags a polecat burning tokens with no hooked bead as a zombie', async () => {
    const { url, view } = agentIn('data-warehouse', 'Maple');
    renderApp(url, view);
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(within(findings).getByText(/Consuming tokens with no hooked bead/)).toBeInTheDocument();
    const tokens = screen.getByRole('region', { name: 'LLM token usage' });
    expect(within(tokens).getByText('zombie: consuming tokens with no hooked bead')).toBeInTheDocument();
    expect(within(tokens).getByText('no bead')).toBeInTheDocument();
  });

  it('does not flag an idle polecat without token use', async () => {
    const { url, view } = agentIn('data-warehouse', 'Toast');
    renderApp(url, view);
    await screen.findByRole('region', { name: 'LLM token usage' });
    expect(screen.queryByText(/Consuming tokens with no hooked bead/)).not.toBeInTheDocument();
  });
});

describe('SDK event search', () => {
  it('counts matches over the loaded events, steps through them with next / previous and keeps q and event in the URL', async () => {
    const user = userEvent.setup();
    const { url, stream, view } = agentIn('support-bot', 'Mayor');
    const { search } = renderApp(url, view);
    await allLoaded();
    const expected = expectedMatches(stream, 'town-state');
    expect(expected.length).toBeGreaterThanOrEqual(12);
    await user.type(screen.getByRole('searchbox', { name: 'Search loaded events' }), 'town-state');
    await screen.findByText(`${expected.length} matches`);
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    await waitFor(() => expect(search().get('event')).toBe(String(expected[0])));
    expect(screen.getByText(`1 of ${expected.length} matches`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    await waitFor(() => expect(search().get('event')).toBe(String(expected[1])));
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    await waitFor(() => expect(search().get('event')).toBe(String(expected[0])));
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    await waitFor(() => expect(search().get('event')).toBe(String(expected.at(-1))));
    await waitFor(() => expect(search().get('q')).toBe('town-state'));
    // The selected event is expanded with its payload as text, the query marked.
    const payload = await screen.findByLabelText(`Payload of event ${expected.at(-1)}`);
    expect(payload).toHaveTextContent('.gastown/town-state.json');
    expect(payload.querySelector('mark')).toHaveTextContent('town-state');
  });

  it('opens a link with ?q= and ?event= at the same place', async () => {
    const { url, stream, view } = agentIn('support-bot', 'Mayor');
    const target = expectedMatches(stream, 'town-state')[3]!;
    renderApp(`${url}?q=town-state&event=${target}`, view);
    expect(await screen.findByRole('searchbox', { name: 'Search loaded events' })).toHaveValue('town-state');
    const row = await screen.findByRole('button', { expanded: true }, { timeout: 8000 });
    expect(row).toHaveAttribute('data-event-row', String(target));
    expect(await screen.findByLabelText(`Payload of event ${target}`)).toHaveTextContent('town-state.json');
    await screen.findByText(`4 of ${expectedMatches(stream, 'town-state').length} matches`);
  });

  it('filters by event type and searches within the filter', async () => {
    const user = userEvent.setup();
    const { url, stream, view } = agentIn('support-bot', 'Mayor');
    const { search } = renderApp(url, view);
    await allLoaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by event type' }), 'error');
    await waitFor(() => expect(search().get('type')).toBe('error'));
    const list = screen.getByRole('list', { name: 'SDK events, newest first' });
    const errors = Array.from({ length: stream.total }, (_, i) => sdkEventAt(stream, i + 1)).filter((e) => e.event_type === 'error');
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(errors.length));
    await user.type(screen.getByRole('searchbox', { name: 'Search loaded events' }), 'read');
    const hits = errors.filter((e) => summarizeSdkEvent(e.event_type, e.data.properties).includes('read')).length;
    expect(hits).toBe(1);
    await screen.findByText('1 match');
  });
});
