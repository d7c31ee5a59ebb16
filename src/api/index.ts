/** The admin API contract: schemas, endpoints, client, errors and query keys. Nothing else talks to the network. */
export * from './schemas';
export * from './endpoints';
export * from './errors';
export * from './client';
export * from './salvage';
export * from './town-clock';
export * from './query-keys';
export * from './session';
export * from './dev-token';
