package ai.bookkeeper.simulate;

import ai.bookkeeper.tenancy.BusinessType;

/**
 * One simulated company and its owner.
 *
 * @param index                  0-based position in the run; 0..4 are the pilot companies
 * @param slug                   the directory name of its files: lower case, runs of other characters as '_'
 * @param targetTransactions     genuine bank lines expected over 12 months (the generator lands within a few percent)
 * @param targetReceipts         receipts expected over 12 months
 */
public record SimulatedCompany(int index, String name, String slug, BusinessType businessType, String ownerEmail,
        String ownerName, int targetTransactions, int targetReceipts) {

    public boolean pilot() {
        return index < SimulationSpec.PILOT_COMPANIES;
    }
}
