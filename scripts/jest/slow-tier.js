// Integration and end-to-end tests wait on real engines and processes: a generous per-test limit
// (a limit, not a performance assertion).
jest.setTimeout(180_000);
