import { describe, expect, it } from 'vitest';
import { endpoints, testApi, worldTown } from '../../../test/api';
import { toConvoyView } from './convoy';

describe('toConvoyView', () => {
  it('calls out the tracked bead deleted instead of closed and names what is not closed', async () => {
    const town = worldTown('design-system');
    const convoyBead = town.beads.find((b) => b.title === 'Convoy: Design tokens v2 rollout')!;
    const view = toConvoyView((await testApi.get(endpoints.bead(town.town.id, convoyBead.id))).convoy!);
    expect(view).toMatchObject({ closed: 6, total: 8, presentClosed: 6, landed: false });
    expect(view.missing).toHaveLength(1);
    expect(view.unclosed.map((t) => t.title)).toEqual(['Remove tokens v1 aliases']);
    expect(view.mismatch).toContain('1 tracked bead no longer exists (deleted instead of closed)');
  });
});
