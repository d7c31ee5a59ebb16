import { describe, expect, it } from 'vitest';
import { summarizeSdkEvent } from './sdk-summary';

describe('the line an SDK event reads as', () => {
  it('a user message shows its prompt text, so one can tell the agent got its prompt', () => {
    const prompt = 'Can you split the onboarding epic into beads\nand start on the email templates?';
    expect(summarizeSdkEvent('message.created', { info: { role: 'user' }, text: prompt })).toBe(
      'user message: Can you split the onboarding epic into beads and start on the email templates?',
    );
  });

  it('a message without text says only whose it is', () => {
    expect(summarizeSdkEvent('message.created', { info: { role: 'assistant' } })).toBe('assistant message');
  });
});
