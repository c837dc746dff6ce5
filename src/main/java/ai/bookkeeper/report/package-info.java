/** Read models over the books: trial balance, profit and loss, balance sheet, general ledger, and safe CSV export. */
package ai.bookkeeper.report;
