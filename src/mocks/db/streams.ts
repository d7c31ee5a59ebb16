import type { TownSeed } from '../scenarios';

export function streamFor(town: TownSeed, agentId: string) {
  return town.sdk_streams.find((s) => s.agent_id === agentId) ?? null;
}

export function lastSdkEventAt(town: TownSeed, agentId: string): string | null {
  const stream = streamFor(town, agentId);
  if (!stream) return null;
  return stream.tail.at(-1)?.at ?? stream.last_at;
}
