package ai.bookkeeper.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One company's pilot figures; field names are those of the metrics JSON (the old prototype's, plus ours). Rates
 * are fractions in [0, 1] rounded to four decimals.
 */
record CompanyMetrics(String company_id, String company_name, long transactions_ingested, long journal_entries_proposed,
                      long journal_entries_auto_approved, double auto_approval_rate, long reconciliation_matched,
                      double reconciliation_rate, double ingestion_time_seconds, List<String> errors,
                      double categorization_accuracy, Map<String, Double> accuracy_by_tier, double auto_approval_precision,
                      long reviewed, long corrected, long receipts, long receipts_matched, long duplicates_skipped,
                      long transfers, long files_imported, long files_failed, boolean trial_balance_zero,
                      boolean balance_sheet_balances, long balance_checks, long balance_check_differences,
                      Map<String, Double> automation_by_month, double processing_time_seconds) {

    boolean failed() {
        return !errors.isEmpty();
    }
}
