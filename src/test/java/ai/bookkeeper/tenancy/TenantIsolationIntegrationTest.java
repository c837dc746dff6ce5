package ai.bookkeeper.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.ForbiddenException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantIsolationIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;

    CompanyAccess a;
    CompanyAccess b;
    JournalEntry entryOfB;

    @BeforeEach
    void twoCompanies() {
        a = Fixtures.company(tenancy, BusinessType.RETAIL);
        b = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        Account bank = ledger.accountByCode(b, "1000").orElseThrow();
        Account hosting = ledger.accountByCode(b, "6150").orElseThrow();
        Money money = Money.of("99.00", CurrencyCode.USD);
        entryOfB = ledger.propose(b, NewEntry.manual(LocalDate.of(2026, 2, 2), "AWS",
                JournalLine.debit(hosting.id(), money), JournalLine.credit(bank.id(), money)));
    }

    @Test
    void a_user_of_company_a_gets_no_access_to_company_b() {
        var userOfA = a.user().orElseThrow();
        assertThatThrownBy(() -> tenancy.access(userOfA, b.companyId()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("No company");
        assertThat(tenancy.companiesOf(userOfA)).extracting(m -> m.company().id()).containsExactly(a.companyId());
    }

    @Test
    void company_a_cannot_read_or_decide_company_b_entries_by_id() {
        assertThatThrownBy(() -> ledger.entry(a, entryOfB.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.approve(a, entryOfB.id(), entryOfB.version())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.reject(a, entryOfB.id(), entryOfB.version())).isInstanceOf(NotFoundException.class);
        assertThat(ledger.entries(a, ai.bookkeeper.ledger.EntryFilter.all())).isEmpty();
        assertThat(ledger.entry(b, entryOfB.id()).status()).isEqualTo(ai.bookkeeper.ledger.EntryStatus.PROPOSED);
    }

    @Test
    void company_a_cannot_book_onto_company_b_accounts() {
        Account bankOfB = ledger.accountByCode(b, "1000").orElseThrow();
        Account salesOfA = ledger.accountByCode(a, "4000").orElseThrow();
        Money money = Money.of("5.00", CurrencyCode.USD);
        assertThatThrownBy(() -> ledger.propose(a, NewEntry.manual(LocalDate.of(2026, 2, 2), "sneaky",
                JournalLine.debit(bankOfB.id(), money), JournalLine.credit(salesOfA.id(), money))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("chart of accounts");
        assertThat(ledger.trialBalance(b, LocalDate.of(2026, 12, 31)).rows()).isEmpty();
    }

    @Test
    void the_chart_of_accounts_of_each_company_is_its_own() {
        assertThat(ledger.accounts(a)).extracting(Account::id)
                .doesNotContainAnyElementsOf(ledger.accounts(b).stream().map(Account::id).toList());
    }

    @Test
    void only_owners_manage_members_and_settings_and_a_company_keeps_an_owner() {
        CompanyAccess accountant = Fixtures.member(tenancy, a, Role.ACCOUNTANT);
        assertThatThrownBy(() -> tenancy.updateSettings(accountant, new BigDecimal("0.5"), null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("OWNER");
        assertThatThrownBy(() -> tenancy.setRole(accountant, "x@example.com", Role.OWNER))
                .isInstanceOf(ForbiddenException.class);
        String ownerEmail = tenancy.user(a.user().orElseThrow()).orElseThrow().email();
        assertThatThrownBy(() -> tenancy.setRole(a, ownerEmail, Role.VIEWER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at least one owner");
    }

    @Test
    void passwords_are_stored_hashed_and_checked() {
        User user = Fixtures.user(tenancy);
        assertThat(tenancy.authenticate(user.email(), Fixtures.PASSWORD)).contains(user);
        assertThat(tenancy.authenticate(user.email().toUpperCase(), Fixtures.PASSWORD)).contains(user);
        assertThat(tenancy.authenticate(user.email(), "wrong password!")).isEmpty();
        assertThat(tenancy.authenticate("nobody@example.com", Fixtures.PASSWORD)).isEmpty();
    }

    @Test
    void two_registrations_of_one_email_at_once_make_one_user_and_one_conflict() throws Exception {
        String email = "race-" + java.util.UUID.randomUUID() + "@example.com";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<User>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return tenancy.registerUser(email, "Racer", Fixtures.PASSWORD);
                }));
            }
            start.countDown();
            int registered = 0;
            int conflicts = 0;
            for (var attempt : attempts) {
                try {
                    attempt.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    registered++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class)
                            .hasMessageContaining("exists already");
                    conflicts++;
                }
            }
            assertThat(registered).isEqualTo(1);
            assertThat(conflicts).isEqualTo(1);
            assertThat(tenancy.authenticate(email, Fixtures.PASSWORD)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }
}
