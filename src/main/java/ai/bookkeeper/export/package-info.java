/**
 * No lock-in: a company's booked entries as an hledger journal or a Beancount file that the free, independent
 * plain-text accounting tools read and balance on their own; and opening balances taken from an hledger journal.
 */
package ai.bookkeeper.export;
