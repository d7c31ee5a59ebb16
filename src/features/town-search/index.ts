/** Town-wide search (issue 15): the header's box and the streamed results page. */
export { TownSearchBox } from './components/town-search-box';
export { TownSearch } from './components/town-search';
