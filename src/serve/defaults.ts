/** The explorer server's defaults, apart from the server so the CLI can show them without loading it (and d3). */
export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 8765,
  searchLimit: 50,
  maxSearchLimit: 200,
};
