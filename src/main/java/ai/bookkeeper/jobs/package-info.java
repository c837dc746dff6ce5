/** Durable background jobs (db-scheduler in the application's database): submitted per company, retried with backoff, run once across instances. */
package ai.bookkeeper.jobs;
