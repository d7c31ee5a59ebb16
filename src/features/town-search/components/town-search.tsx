import { memo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SEARCH_MIN_CHARS, type SearchHit } from '../../../api';
import { ErrorState } from '../../../components/error-state';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState, Loading } from '../../../components/states';
import { clipLine } from '../../../lib/bounded-text';
import { useTownSearch } from '../api/use-town-search';
import { agentMatchesHref, hitHref, moreLink } from '../model/hit-links';
import { KIND_LABEL, matchCount, progressText, splitOnQuery, TOWN_KINDS, type AgentHits } from '../model/search-results';
import '../town-search.css';

/** Text with the query marked. Always text nodes: these strings come from agents, users and tools. */
const Marked = memo(function Marked({ text, q }: { text: string; q: string }) {
  return <>{splitOnQuery(text, q).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
});

function HitItem({ townId, hit, q }: { townId: string; hit: SearchHit; q: string }) {
  return (
    <li className="search-hit">
      <Link to={hitHref(townId, hit, q)} className="search-hit-title">
        <Marked text={clipLine(hit.title)} q={q} />
      </Link>
      <span className="search-hit-meta muted">
        {hit.field}
        {hit.at ? (
          <>
            {' · '}
            <RelativeTime iso={hit.at} />
          </>
        ) : null}
      </span>
      <p className="search-hit-excerpt">
        <Marked text={hit.excerpt} q={q} />
      </p>
    </li>
  );
}

function More({ shown, total, link }: { shown: number; total: number; link: { href: string; label: string } }) {
  if (total <= shown) return null;
  return (
    <p className="search-more muted">
      {total - shown} more not shown — make the search more specific, or open <Link to={link.href}>{link.label}</Link>.
    </p>
  );
}

function AgentGroup({ townId, agent, q }: { townId: string; agent: AgentHits; q: string }) {
  return (
    <li className="search-agent">
      <div className="search-agent-head">
        <strong>{agent.agentName}</strong>
        <span className="muted">
          {agent.capped ? `${agent.total}+` : agent.total} matching event{agent.total === 1 ? '' : 's'}
        </span>
        {agent.total > agent.items.length ? (
          <Link to={agentMatchesHref(townId, agent.agentId, q)} className="button button-small">
            All {agent.capped ? `${agent.total}+` : agent.total} in the event viewer
          </Link>
        ) : null}
      </div>
      <ul className="search-hits">
        {agent.items.map((hit) => (
          <HitItem key={hit.id} townId={townId} hit={hit} q={q} />
        ))}
      </ul>
    </li>
  );
}

/** Town-wide search results, grouped by kind, growing as the stream arrives. */
export function TownSearch({ townId }: { townId: string }) {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const { results, error } = useTownSearch(townId, q);

  if (q.length < SEARCH_MIN_CHARS)
    return (
      <EmptyState title="Search this town">
        Type at least {SEARCH_MIN_CHARS} characters in the box above: bead titles and bodies, agent names and identities, dispatch errors,
        git stderr, credential errors, the timeline and every agent’s SDK events are searched.
      </EmptyState>
    );

  const found = matchCount(results);
  const searching = results.status === 'searching';
  const sdkTotal = results.agents.reduce((n, a) => n + a.total, 0);

  return (
    <section className="panel tab-panel town-search" aria-label={`Search results for ${q}`} aria-busy={searching}>
      <div className="panel-head">
        <h2>
          {found} match{found === 1 ? '' : 'es'} for “{q}”
        </h2>
        <span className="muted" role="status" aria-live="polite">
          {progressText(results)}
        </span>
        {searching ? <span className="spinner" aria-hidden="true" /> : null}
      </div>
      {searching && results.agentsTotal !== null ? (
        <progress
          className="search-progress"
          max={Math.max(1, results.agentsTotal)}
          value={results.agentsDone}
          aria-label="Agents searched"
        />
      ) : null}
      {error ? <ErrorState error={error} what={`the search for “${q}”`} /> : null}
      {results.failure ? (
        <p className="search-failure" role="alert">
          The search stopped: {results.failure.message}
        </p>
      ) : null}
      {results.agentErrors.length > 0 ? (
        <ul className="search-agent-errors" aria-label="Agents not searched">
          {results.agentErrors.map((e) => (
            <li key={e.agentId}>
              {e.agentName}’s SDK events could not be read: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {results.agentsTotal === null && searching && !error ? <Loading label="Searching the town’s rows" /> : null}
      {results.status === 'done' && found === 0 ? (
        <EmptyState title={`Nothing in this town contains “${q}”`}>
          The search is a case-insensitive substring over every kind listed above; try a shorter or different piece of the text.
        </EmptyState>
      ) : null}

      {TOWN_KINDS.map((kind) => {
        const group = results.town[kind];
        if (!group) return null;
        return (
          <section key={kind} className="search-group" aria-label={KIND_LABEL[kind]}>
            <h3>
              {KIND_LABEL[kind]} <span className="muted">{group.total}</span>
            </h3>
            <ul className="search-hits">
              {group.items.map((hit) => (
                <HitItem key={hit.id} townId={townId} hit={hit} q={q} />
              ))}
            </ul>
            <More shown={group.items.length} total={group.total} link={moreLink(townId, kind, q)} />
          </section>
        );
      })}

      {results.agents.length > 0 ? (
        <section className="search-group" aria-label={KIND_LABEL.sdk_event}>
          <h3>
            {KIND_LABEL.sdk_event}{' '}
            <span className="muted">
              {sdkTotal} in {results.agents.length} agent{results.agents.length === 1 ? '' : 's'}
              {searching ? ' so far' : ''}
            </span>
          </h3>
          <ul className="search-agents">
            {results.agents.map((agent) => (
              <AgentGroup key={agent.agentId} townId={townId} agent={agent} q={q} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
