/** Town Inspector: header with health and the state / agents / review / container / config / events / audit tabs. */
export { TownInspector } from './components/town-inspector';
export { townQuery, useTown } from './api/town';
