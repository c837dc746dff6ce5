/** Value types every module shares: money, currencies, tenant and user ids, and the rejection types. No Spring. */
package ai.bookkeeper.shared;
