import { describe, expect, it } from 'vitest';
import { ReadMemo } from './read-memo';

describe('ReadMemo: a live view built once per tag', () => {
  it('builds once for any number of admins asking under one tag, also while the first build runs', async () => {
    const memo = new ReadMemo();
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 5));
      return `{"n":${builds}}`;
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => memo.get('/towns/t1', 'W/"t7.1"', build)));
    expect(new Set(answers)).toEqual(new Set(['{"n":1}']));
    expect(await memo.get('/towns/t1', 'W/"t7.1"', build)).toBe('{"n":1}');
    expect(builds).toBe(1);
  });

  it('builds again when the tag moves (a write, a new time slot), and after clear()', async () => {
    const memo = new ReadMemo();
    let n = 0;
    const build = async () => `${++n}`;
    expect(await memo.get('/towns/t1', 'W/"t7.1"', build)).toBe('1');
    expect(await memo.get('/towns/t1', 'W/"t8.1"', build)).toBe('2');
    expect(await memo.get('/towns/t1/timeline?limit=1000', 'W/"t8.1"', build)).toBe('3');
    memo.clear();
    expect(await memo.get('/towns/t1', 'W/"t8.1"', build)).toBe('4');
  });

  it('keeps no failure and no Response: the next request builds its own', async () => {
    const memo = new ReadMemo();
    await expect(memo.get('/a', 'W/"1"', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await memo.get('/a', 'W/"1"', async () => 'ok')).toBe('ok');
    const response = new Response('stream');
    expect(await memo.get('/b', 'W/"1"', async () => response)).toBe(response);
    expect(await memo.get('/b', 'W/"1"', async () => 'text')).toBe('text');
  });

  it('stays within its bounds: the least recently used entry goes first, an oversized body is not kept', async () => {
    const memo = new ReadMemo(2, 10);
    let n = 0;
    const build = async () => `${++n}`;
    await memo.get('/a', 'e', build); // 1
    await memo.get('/b', 'e', build); // 2
    await memo.get('/a', 'e', build); // hit: /a is now the newest
    await memo.get('/c', 'e', build); // 3, evicts /b
    expect(await memo.get('/a', 'e', build)).toBe('1');
    expect(await memo.get('/b', 'e', build)).toBe('4');
    let big = 0;
    const large = async () => `${++big}`.padEnd(11, 'x');
    await memo.get('/big', 'e', large);
    expect(await memo.get('/big', 'e', large)).toMatch(/^2/);
  });
});

describe('ReadMemo without shared builds (the Worker: one memo across requests)', () => {
  it('keeps a finished body for the next request under the tag, but never makes a request wait on another one’s build', async () => {
    const memo = new ReadMemo(64, 2_000_000, false);
    let builds = 0;
    const build = async () => {
      const n = ++builds;
      await new Promise((r) => setTimeout(r, 5));
      return `{"n":${n}}`;
    };
    const together = await Promise.all([memo.get('/towns/t1', 'W/"t7.1"', build), memo.get('/towns/t1', 'W/"t7.1"', build)]);
    expect(together).toEqual(['{"n":1}', '{"n":2}']);
    // The next poll under the same tag is answered from the memo (whichever build finished last).
    expect(await memo.get('/towns/t1', 'W/"t7.1"', build)).toBe('{"n":2}');
    expect(builds).toBe(2);
    expect(await memo.get('/towns/t1', 'W/"t8.1"', build)).toBe('{"n":3}');
  });
});
