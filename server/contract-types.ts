import type { z } from 'zod';
import type * as S from '../src/api/schemas';

/** Types for the contract's list wrappers that `src/api` exports only as schemas. */
export type AgentList = z.infer<typeof S.AgentList>;
export type BeadEventList = z.infer<typeof S.BeadEventList>;
export type DispatchAttemptList = z.infer<typeof S.DispatchAttemptList>;
export type GitOperationList = z.infer<typeof S.GitOperationList>;
export type RigList = z.infer<typeof S.RigList>;
export type TownList = z.infer<typeof S.TownList>;
