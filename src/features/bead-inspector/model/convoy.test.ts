import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../../scenarios';
import { toConvoy } from '../../../mocks/db/views';
import { toConvoyView } from './convoy';

describe('toConvoyView', () => {
  const world = buildWorld({ now: Date.parse('2026-11-24T12:00:00Z') });
  const town = world.towns.find((t) => t.town.name === 'design-system')!;
  const convoyBead = town.beads.find((b) => b.title === 'Convoy: Design tokens v2 rollout')!;

  it('calls out the tracked bead deleted instead of closed and names what is not closed', () => {
    const view = toConvoyView(toConvoy(town, convoyBead.id)!);
    expect(view).toMatchObject({ closed: 6, total: 8, presentClosed: 6, landed: false });
    expect(view.missing).toHaveLength(1);
    expect(view.unclosed.map((t) => t.title)).toEqual(['Remove tokens v1 aliases']);
    expect(view.mismatch).toContain('1 tracked bead no longer exists (deleted instead of closed)');
  });
});
