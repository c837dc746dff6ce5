package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.Account;
import java.math.BigDecimal;
import java.util.List;

/**
 * The last tier: something that reads a transaction and the chart and names one account. Answers are untrusted:
 * the categorizer refuses a code outside the chart and caps the confidence below auto-approval unless another tier
 * agrees.
 */
public interface LlmProvider {

    /** Honest name shown in memos and suggestions, e.g. "offline-keyword-heuristic" or "openai-compatible:gpt-4o-mini". */
    String name();

    Answer categorize(Request request);

    /** Answers several requests; providers that can run calls in parallel override this. */
    default List<Answer> categorizeAll(List<Request> requests) {
        return requests.stream().map(this::categorize).toList();
    }

    /** @param accounts the accounts the answer must come from */
    record Request(TransactionFacts facts, List<Account> accounts) {
    }

    /**
     * @param accountCode null when the provider could not answer (an error, a malformed reply)
     * @param exchange    the request and reply as sent and received, for the audit of the suggestion; may be null
     */
    record Answer(String accountCode, BigDecimal confidence, String rationale, String exchange) {

        static Answer failed(String why, String exchange) {
            return new Answer(null, BigDecimal.ZERO, why, exchange);
        }
    }
}
