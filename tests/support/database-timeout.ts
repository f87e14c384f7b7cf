/**
 * Set up before every test file of the projects that talk to a database server (integration, drills, security; see
 * jest.config.js). A story there — sign-in, 实名, a booking, rounds of work on two bff instances — takes 1–2 s alone
 * and more than jest's 5 s default on a loaded 2-core machine, FerretDB most of all: there, 22 tests in 7 files ran
 * out of 5 s in one run, and reminders.test.ts in 1 of 15. How long a test takes is not what it checks: 30 s only
 * stops one that hangs. A file may set more with jest.setTimeout. (jest-circus ignores a project's `testTimeout`.)
 */
jest.setTimeout(30_000);
