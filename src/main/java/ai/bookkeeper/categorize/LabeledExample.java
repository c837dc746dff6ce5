package ai.bookkeeper.categorize;

import java.util.Objects;

/** A transaction with the account a reviewer approved for it: one row of training or evaluation data. */
public record LabeledExample(TransactionFacts facts, String accountCode) {

    public LabeledExample {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(accountCode, "accountCode");
    }
}
