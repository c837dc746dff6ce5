package ai.bookkeeper.review;

import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bank transaction proposed as a journal entry, with the suggestion behind it and the decision on it.
 *
 * @param predictedAccountCode null when no tier could name an account
 * @param approvedAccountCode  what the entry was approved to; null until decided
 * @param llmExchange          the LLM tool call and answer, when the LLM tier answered; else null
 */
public record Proposal(String transactionId, JournalEntryId entryId, LocalDate date, String description,
                       String counterparty, Money amount, String predictedAccountCode, BigDecimal confidence, String tier,
                       String source, String rationale, List<String> similarExamples, String llmExchange,
                       Outcome outcome, String approvedAccountCode) {
}
