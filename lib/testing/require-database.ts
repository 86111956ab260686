if (!process.env.DATABASE_URL) {
  throw new Error('Integration tests need a database: run them with `npm test` (or `npm run test:int`), which starts one.');
}
