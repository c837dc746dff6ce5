/** The balanced core: charts of accounts, journal entries and their lines, the entry workflow, and the trial balance. */
package ai.bookkeeper.ledger;
