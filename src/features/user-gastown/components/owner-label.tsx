import type { TownOwner } from '../../../api';

const KIND = { user: 'Owner', org: 'Organization' } as const;

/**
 * Who owns a town on a user's page: the user (their GastownUserDO) or one of their organizations (its
 * GastownOrgDO). Name and id both, so an operator can tell two owners with one name apart.
 */
export function OwnerLabel({ owner }: { owner: TownOwner }) {
  return (
    <span className={`owner-label owner-${owner.kind}`} data-testid="town-owner">
      <span className="muted">{KIND[owner.kind]}:</span> {owner.name || owner.id}{' '}
      <span className="muted mono small" title={owner.id}>
        {owner.id}
      </span>
    </span>
  );
}
