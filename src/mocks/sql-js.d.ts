/** sql.js's build with the wasm inlined has the package's own API (its types ship for the main entry). */
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
