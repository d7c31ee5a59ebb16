import { CompareKind } from '../../../api';

/** The compare page's URL state: `?kind=attempt|assignment|session&a=<id>&b=<id>`. */
export interface CompareView {
  kind: CompareKind | null;
  /** The raw kind when it is not one we know, to name it in the message. */
  unknownKind: string | null;
  a: string;
  b: string;
}

export function parseCompareView(params: URLSearchParams): CompareView {
  const raw = params.get('kind') ?? '';
  const kind = CompareKind.safeParse(raw);
  return {
    kind: kind.success ? kind.data : null,
    unknownKind: raw && !kind.success ? raw : null,
    a: params.get('a')?.trim() ?? '',
    b: params.get('b')?.trim() ?? '',
  };
}

/** How each kind is named in headings and pickers. */
export const KIND_LABELS: Record<CompareKind, { one: string; many: string }> = {
  attempt: { one: 'dispatch attempt', many: 'dispatch attempts' },
  assignment: { one: 'assignment', many: 'assignments' },
  session: { one: 'agent session', many: 'agent sessions' },
};
