package ai.bookkeeper.ledger;

/** The five account classes; assets and expenses grow with debits, the others with credits. */
public enum AccountType {
    ASSET(Side.DEBIT), LIABILITY(Side.CREDIT), EQUITY(Side.CREDIT), INCOME(Side.CREDIT), EXPENSE(Side.DEBIT);

    private final Side normalSide;

    AccountType(Side normalSide) {
        this.normalSide = normalSide;
    }

    public Side normalSide() {
        return normalSide;
    }

    /** Income and expenses close into equity at year end; the others carry forward on the balance sheet. */
    public boolean isProfitAndLoss() {
        return this == INCOME || this == EXPENSE;
    }
}
