package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the categorize tables. Every statement on company data filters on company_id first. */
@Repository
class CategorizeRepository {

    /** A logged review decision. */
    record Decision(LabeledExample example, ReviewOutcome outcome) {
    }

    /** A stored model: {@code id} identifies the exact bytes, so a cached copy is reused while it stays active. */
    record StoredModel(String id, int version) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CategorizeRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<String> ruleDefinitions(CompanyId company) {
        return jdbc.sql("SELECT definition FROM category_rule WHERE company_id = ? ORDER BY priority DESC, id")
                .param(Keys.bind(company)).query(String.class).list();
    }

    void upsertRule(CompanyId company, Rule rule, Instant now) {
        jdbc.sql("""
                INSERT INTO category_rule (company_id, id, priority, definition, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (company_id, id) DO UPDATE SET priority = excluded.priority, definition = excluded.definition""")
                .params(Keys.bind(company), rule.id(), rule.priority(), rule.yaml(), Timestamps.format(now)).update();
    }

    boolean deleteRule(CompanyId company, String id) {
        return jdbc.sql("DELETE FROM category_rule WHERE company_id = ? AND id = ?")
                .params(Keys.bind(company), id).update() > 0;
    }

    Map<String, VendorMemory> vendorMemory(CompanyId company) {
        Map<String, VendorMemory> memory = new HashMap<>();
        jdbc.sql("""
                SELECT vendor, account_code, agreements, decisions, llm_confidence_bp FROM category_vendor_memory
                WHERE company_id = ?""").param(Keys.bind(company)).query(rs -> {
                    int bp = rs.getInt(5);
                    BigDecimal llm = rs.wasNull() ? null : BigDecimal.valueOf(bp, 4);
                    memory.put(rs.getString(1), new VendorMemory(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getInt(4), llm));
                });
        return memory;
    }

    /** A reviewer's choice: agreeing with the remembered account counts up; a different one restarts the tally. */
    void rememberDecision(CompanyId company, String vendor, String accountCode, Instant now) {
        jdbc.sql("""
                INSERT INTO category_vendor_memory (company_id, vendor, account_code, agreements, decisions, source,
                    llm_confidence_bp, updated_at)
                VALUES (?, ?, ?, 1, 1, 'REVIEW', NULL, ?)
                ON CONFLICT (company_id, vendor) DO UPDATE SET
                    agreements = CASE
                        WHEN category_vendor_memory.source = 'LLM' THEN 1
                        WHEN category_vendor_memory.account_code = excluded.account_code
                            THEN category_vendor_memory.agreements + 1
                        ELSE 1 END,
                    decisions = CASE WHEN category_vendor_memory.source = 'LLM' THEN 1
                        ELSE category_vendor_memory.decisions + 1 END,
                    account_code = excluded.account_code, source = 'REVIEW', llm_confidence_bp = NULL,
                    updated_at = excluded.updated_at""")
                .params(Keys.bind(company), vendor, accountCode, Timestamps.format(now)).update();
    }

    /** LLM answers never overwrite what reviewers decided. */
    void rememberLlmAnswers(CompanyId company, List<VendorMemory> answers, Instant now) {
        if (answers.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO category_vendor_memory (company_id, vendor, account_code, agreements, decisions, source,
                    llm_confidence_bp, updated_at) VALUES (?, ?, ?, 0, 0, 'LLM', ?, ?)
                ON CONFLICT (company_id, vendor) DO NOTHING""", answers, answers.size(), (ps, m) -> {
                    Keys.set(ps, 1, company);
                    ps.setString(2, m.vendor());
                    ps.setString(3, m.accountCode());
                    ps.setInt(4, m.llmConfidence().movePointRight(4).intValue());
                    ps.setString(5, Timestamps.format(now));
                });
    }

    void insertDecision(CompanyId company, TransactionFacts facts, String accountCode, ReviewOutcome outcome,
                        Instant now) {
        String description = facts.description().length() > 500 ? facts.description().substring(0, 500)
                : facts.description();
        jdbc.sql("""
                INSERT INTO category_decision (company_id, id, decided_at, transaction_id, txn_date, description,
                    counterparty, amount_minor, currency, bank_account_id, vendor, account_code, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Keys.bind(company), Keys.bind(Ids.newId()), Timestamps.format(now), facts.transactionId(),
                        facts.date() == null ? null : facts.date().toString(), description, facts.counterparty(),
                        facts.amount().minorUnits(), facts.amount().currency().value(),
                        facts.bankAccount() == null ? null : Keys.bind(facts.bankAccount()), facts.vendor(), accountCode,
                        outcome.name())
                .update();
    }

    List<Decision> decisions(CompanyId company) {
        return jdbc.sql("""
                SELECT transaction_id, txn_date, description, counterparty, amount_minor, currency, bank_account_id,
                       account_code, outcome
                FROM category_decision WHERE company_id = ? ORDER BY decided_at, id""")
                .param(Keys.bind(company))
                .query((rs, n) -> new Decision(new LabeledExample(new TransactionFacts(rs.getString(1),
                        rs.getString(2) == null ? null : LocalDate.parse(rs.getString(2)),
                        Money.ofMinor(rs.getLong(5), CurrencyCode.of(rs.getString(6))), rs.getString(3), rs.getString(4),
                        Keys.get(rs, 7) == null ? null : new AccountId(Keys.get(rs, 7))),
                        rs.getString(8)), ReviewOutcome.valueOf(rs.getString(9))))
                .list();
    }

    Optional<StoredModel> activeModel(CompanyId company) {
        return jdbc.sql("SELECT id, version FROM category_model WHERE company_id = ? AND active = 1")
                .param(Keys.bind(company)).query((rs, n) -> new StoredModel(Keys.text(rs, 1), rs.getInt(2))).optional();
    }

    Optional<StoredModel> activeGlobalModel() {
        return jdbc.sql("SELECT id, version FROM category_global_model WHERE active = 1")
                .query((rs, n) -> new StoredModel(Keys.text(rs, 1), rs.getInt(2))).optional();
    }

    byte[] modelBytes(CompanyId company, String id) {
        return Base64.getDecoder().decode(jdbc.sql("SELECT model_base64 FROM category_model WHERE company_id = ? AND id = ?")
                .params(Keys.bind(company), Keys.bindText(id)).query(String.class).single());
    }

    byte[] globalModelBytes(String id) {
        return Base64.getDecoder().decode(jdbc.sql("SELECT model_base64 FROM category_global_model WHERE id = ?")
                .param(Keys.bindText(id)).query(String.class).single());
    }

    int nextModelVersion(CompanyId company) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM category_model WHERE company_id = ?")
                .param(Keys.bind(company)).query(Integer.class).single();
    }

    int nextGlobalModelVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM category_global_model").query(Integer.class).single();
    }

    /** Stores a model; an active one replaces the company's current active model in the same transaction. */
    String insertModel(CompanyId company, int version, String metrics, byte[] bytes, boolean active, Instant now) {
        UUID id = Ids.newId();
        if (active) {
            jdbc.sql("UPDATE category_model SET active = 0 WHERE company_id = ? AND active = 1")
                    .param(Keys.bind(company)).update();
        }
        jdbc.sql("""
                INSERT INTO category_model (company_id, id, version, created_at, metrics, model_base64, active)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Keys.bind(company), Keys.bind(id), version, Timestamps.format(now), metrics,
                        Base64.getEncoder().encodeToString(bytes), active ? 1 : 0).update();
        return id.toString();
    }

    String insertGlobalModel(int version, String metrics, byte[] bytes, boolean active, Instant now) {
        UUID id = Ids.newId();
        if (active) {
            jdbc.sql("UPDATE category_global_model SET active = 0 WHERE active = 1").update();
        }
        jdbc.sql("""
                INSERT INTO category_global_model (id, version, created_at, metrics, model_base64, active)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Keys.bind(id), version, Timestamps.format(now), metrics, Base64.getEncoder().encodeToString(bytes),
                        active ? 1 : 0).update();
        return id.toString();
    }

    void insertOverride(CompanyId company, ApprovalOverride o, CurrencyCode currency, Instant now) {
        jdbc.sql("""
                INSERT INTO category_approval_override (company_id, id, account_code, min_amount_minor, max_amount_minor,
                    threshold_bp, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Keys.bind(company), Keys.bind(Ids.newId()), o.accountCode(), minor(o.minAmount(), currency),
                        minor(o.maxAmount(), currency),
                        o.threshold() == null ? null : o.threshold().movePointRight(4).intValueExact(),
                        Timestamps.format(now))
                .update();
    }

    List<ApprovalOverride> overrides(CompanyId company, CurrencyCode currency) {
        List<ApprovalOverride> overrides = new ArrayList<>();
        jdbc.sql("""
                SELECT account_code, min_amount_minor, max_amount_minor, threshold_bp FROM category_approval_override
                WHERE company_id = ? ORDER BY created_at, id""").param(Keys.bind(company)).query(rs -> {
                    long min = rs.getLong(2);
                    BigDecimal minAmount = rs.wasNull() ? null : Money.ofMinor(min, currency).toDecimal();
                    long max = rs.getLong(3);
                    BigDecimal maxAmount = rs.wasNull() ? null : Money.ofMinor(max, currency).toDecimal();
                    int bp = rs.getInt(4);
                    BigDecimal threshold = rs.wasNull() ? null : BigDecimal.valueOf(bp, 4);
                    overrides.add(new ApprovalOverride(rs.getString(1), minAmount, maxAmount, threshold));
                });
        return overrides;
    }

    private static Long minor(BigDecimal amount, CurrencyCode currency) {
        return amount == null ? null : Money.of(amount, currency).minorUnits();
    }
}
