/** The user's Gastown section (towns with health, rigs) and user search. */
export { UserSearch } from './components/user-search';
export { UserGastownSection } from './components/user-gastown-section';
export { userQuery } from './api/users';
export { userTownsQuery, userRigsQuery, useUserTowns } from './api/towns';
