// Stands in for `server-only` outside Next (tests, CLI): the guard only matters inside client bundles.
export {};
