import { createMemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { followRoutes, toInnerPath } from './embed-host';

describe('route reports to the host', () => {
  it('reports the in-app path, without the base path, with query and hash', () => {
    expect(toInnerPath({ pathname: '/admin/u/1/gastown/towns/t1/state', search: '?q=x', hash: '#e' }, '/admin/u/1/gastown')).toBe(
      '/towns/t1/state?q=x#e',
    );
    expect(toInnerPath({ pathname: '/admin/u/1/gastown', search: '', hash: '' }, '/admin/u/1/gastown/')).toBe('/');
    expect(toInnerPath({ pathname: '/towns/t1/state', search: '', hash: '' }, '/')).toBe('/towns/t1/state');
    expect(toInnerPath({ pathname: '/admin/u/1/gastownish', search: '', hash: '' }, '/admin/u/1/gastown')).toBe('/admin/u/1/gastownish');
  });

  it('reports the start and every change of location once, not loading states', async () => {
    const router = createMemoryRouter([{ path: '/', children: [{ path: 'users/:id' }, { path: 'towns/:id/:tab', loader: () => null }] }], {
      basename: '/admin/gastown',
      initialEntries: ['/admin/gastown/users/u1'],
    });
    const report = vi.fn();
    const stop = followRoutes(router, '/admin/gastown', report);
    await router.navigate('/towns/t1/state?status=open');
    await router.navigate('/towns/t1/state?status=open');
    stop();
    await router.navigate('/users/u2');
    expect(report.mock.calls.map((c) => c[0])).toEqual(['/users/u1', '/towns/t1/state?status=open']);
  });
});
