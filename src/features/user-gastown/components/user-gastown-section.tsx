import type { UserTownSummary } from '../../../api';
import { Badge } from '../../../components/badge';
import { CopyId } from '../../../components/copy-id';
import { ErrorState, RefreshFailed } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState, Loading } from '../../../components/states';
import { pluralize } from '../../../lib/format';
import { useUser } from '../api/users';
import { useUserRigs, useUserTowns } from '../api/towns';
import { RigsTable } from './rigs-table';
import { TownsList } from './towns-list';
import { InvalidRows } from '../../../components/invalid-rows';

/** Where the listed towns come from: "2 towns · 1 own (GastownUserDO) · 1 from Northwind Labs (GastownOrgDO)". */
function townSources(towns: UserTownSummary[]): string {
  const own = towns.filter((t) => t.owned_by.kind === 'user').length;
  const orgs = new Map<string, { name: string; n: number }>();
  for (const { owned_by: o } of towns) if (o.kind === 'org') orgs.set(o.id, { name: o.name || o.id, n: (orgs.get(o.id)?.n ?? 0) + 1 });
  if (orgs.size === 0) return `${pluralize(towns.length, 'town')} · from GastownUserDO`;
  const parts = [`${own} own (GastownUserDO)`, ...[...orgs.values()].map((o) => `${o.n} from ${o.name} (GastownOrgDO)`)];
  return [pluralize(towns.length, 'town'), ...parts].join(' · ');
}

/** The "Gastown" section of the admin user-detail page: own and organization towns with health, and rigs. */
export function UserGastownSection({ userId }: { userId: string }) {
  const user = useUser(userId);
  const towns = useUserTowns(userId);
  const rigs = useUserRigs(userId);

  if (user.isPending) return <Loading label="Loading user" query={user} />;
  if (user.data === undefined) return <ErrorState error={user.error} what={`user ${userId}`} onRetry={() => void user.refetch()} />;
  const { user: u } = user.data;

  return (
    <div className="page">
      <PageHeader eyebrow="User" title={u.name || u.email} actions={u.is_admin ? <Badge tone="blue">Kilo admin</Badge> : null}>
        <span>{u.email}</span>
        <CopyId id={u.id} full label="user id" />
        <span className="muted">
          joined <RelativeTime iso={u.created_at} />
        </span>
        {user.data.organizations.length > 0 ? (
          <span>
            Member of{' '}
            {user.data.organizations.map(({ org, role }, i) => (
              <span key={org.id}>
                {i > 0 ? ', ' : null}
                {org.name} <span className="muted">({role})</span>
              </span>
            ))}
          </span>
        ) : null}
      </PageHeader>
      <RefreshFailed query={user} what={`user ${userId}`} />

      <section className="panel" aria-labelledby="gastown-towns">
        <div className="panel-head">
          <h2 id="gastown-towns">Gastown towns</h2>
          {towns.data ? <span className="muted">{townSources(towns.data.items)}</span> : null}
          <span className="spacer" />
          {towns.isFetching && !towns.isPending ? <span className="muted small">refreshing…</span> : null}
        </div>
        <RefreshFailed query={towns} what="towns" />
        {towns.isPending ? (
          <Loading label="Asking GastownUserDO for this user's towns" query={towns} />
        ) : towns.data === undefined ? (
          <ErrorState error={towns.error} onRetry={() => void towns.refetch()} />
        ) : towns.data.items.length === 0 && !towns.data.invalid_rows?.length ? (
          <EmptyState title={`${u.name || u.email} has no Gastown towns`}>
            GastownUserDO lists no towns for this user (they have not created one yet, or deleted them all)
            {user.data.organizations.length > 0 ? ', and none of their organizations owns one' : ''}.
          </EmptyState>
        ) : (
          <>
            <InvalidRows rows={towns.data.invalid_rows} noun="town" />
            <TownsList towns={towns.data.items} />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="gastown-rigs">
        <div className="panel-head">
          <h2 id="gastown-rigs">Rigs</h2>
          {rigs.data ? <span className="muted">{pluralize(rigs.data.items.length, 'rig')}</span> : null}
        </div>
        <RefreshFailed query={rigs} what="rigs" />
        <InvalidRows rows={rigs.data?.invalid_rows} noun="rig" />
        {rigs.isPending ? (
          <Loading label="Loading rigs" query={rigs} />
        ) : rigs.data === undefined ? (
          <ErrorState error={rigs.error} onRetry={() => void rigs.refetch()} />
        ) : rigs.data.items.length === 0 ? (
          <EmptyState title="No rigs">This user has no repositories linked to Gastown.</EmptyState>
        ) : (
          <RigsTable rigs={rigs.data.items} towns={towns.data?.items ?? []} />
        )}
      </section>
    </div>
  );
}
