package ai.bookkeeper.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.shared.BookkeeperException;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.Fixtures;
import ai.bookkeeper.testing.PostgresAvailableHook;
import ai.bookkeeper.testing.TestApplication;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Random sequences of valid and invalid ledger operations over two companies. After every operation each
 * company's trial balance sums to zero, and an operation that was refused changed nothing in either company.
 */
@AddLifecycleHook(PostgresAvailableHook.class)
class LedgerOperationsIntegrationProperties {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    enum Kind { PROPOSE, PROPOSE_UNBALANCED, APPROVE, REJECT, POST, REVERSE, CHANGE_ACCOUNT, LOCK, UNLOCK,
        STALE_APPROVE, OUTSIDER_APPROVE, VIEWER_PROPOSE }

    record Op(Kind kind, int company, int pick, int account, int otherAccount, long cents, int day) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 12),
                Arbitraries.longs().between(1, 5_000_000), Arbitraries.integers().between(0, 180))
                .as(Op::new);
        return op.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 25, seed = "20261125")
    void the_books_stay_balanced_and_refusals_change_nothing(@ForAll("operations") List<Op> ops) {
        Tenancy tenancy = TestApplication.bean(Tenancy.class);
        Ledger ledger = TestApplication.bean(Ledger.class);
        List<CompanyAccess> owners = List.of(Fixtures.company(tenancy, BusinessType.RETAIL),
                Fixtures.company(tenancy, BusinessType.CHILDCARE));
        List<CompanyAccess> viewers = owners.stream().map(o -> Fixtures.member(tenancy, o, Role.VIEWER)).toList();

        for (Op op : ops) {
            List<Object> before = snapshot(tenancy, ledger, owners);
            boolean refused = false;
            try {
                apply(op, tenancy, ledger, owners, viewers);
            } catch (BookkeeperException expected) {
                refused = true;
            }
            List<Object> after = snapshot(tenancy, ledger, owners);
            if (refused) {
                assertThat(after).as("a refused %s changed nothing", op).isEqualTo(before);
            }
            for (CompanyAccess owner : owners) {
                TrialBalance tb = ledger.trialBalance(owner, LocalDate.of(2100, 1, 1));
                assertThat(tb.isBalanced()).as("trial balance after %s", op).isTrue();
                assertThat(tb.rows().stream().map(TrialBalance.Row::balance).reduce(Money.zero(CurrencyCode.USD), Money::plus))
                        .isEqualTo(Money.zero(CurrencyCode.USD));
            }
        }
    }

    private void apply(Op op, Tenancy tenancy, Ledger ledger, List<CompanyAccess> owners, List<CompanyAccess> viewers) {
        CompanyAccess owner = owners.get(op.company());
        List<Account> accounts = ledger.accounts(owner);
        Account debit = accounts.get(op.account() % accounts.size());
        Account credit = accounts.get(op.otherAccount() % accounts.size());
        Money amount = Money.ofMinor(op.cents(), CurrencyCode.USD);
        LocalDate date = START.plusDays(op.day());
        List<JournalEntry> entries = ledger.entries(owner, EntryFilter.all());
        JournalEntry picked = entries.isEmpty() ? null : entries.get(op.pick() % entries.size());
        switch (op.kind()) {
            case PROPOSE -> ledger.propose(owner, NewEntry.manual(date, "op", JournalLine.debit(debit.id(), amount),
                    JournalLine.credit(credit.id(), amount)));
            case PROPOSE_UNBALANCED -> ledger.propose(owner, NewEntry.manual(date, "op", JournalLine.debit(debit.id(), amount),
                    JournalLine.credit(credit.id(), amount.plus(Money.ofMinor(1, CurrencyCode.USD)))));
            case VIEWER_PROPOSE -> ledger.propose(viewers.get(op.company()), NewEntry.manual(date, "op",
                    JournalLine.debit(debit.id(), amount), JournalLine.credit(credit.id(), amount)));
            case LOCK -> tenancy.updateSettings(owner, new BigDecimal("0.85"), date);
            case UNLOCK -> tenancy.updateSettings(owner, new BigDecimal("0.85"), null);
            default -> {
                if (picked == null) {
                    return;
                }
                switch (op.kind()) {
                    case APPROVE -> ledger.approve(owner, picked.id(), picked.version());
                    case REJECT -> ledger.reject(owner, picked.id(), picked.version());
                    case POST -> ledger.post(owner, picked.id(), picked.version());
                    case REVERSE -> ledger.reverse(owner, picked.id(), date, "property test");
                    case CHANGE_ACCOUNT -> ledger.changeAccount(owner, picked.id(), picked.version(),
                            picked.lines().get(0).account(), debit.id(), "changed");
                    case STALE_APPROVE -> ledger.approve(owner, picked.id(), picked.version() - 1);
                    case OUTSIDER_APPROVE -> ledger.approve(owners.get(1 - op.company()), picked.id(), picked.version());
                    default -> throw new IllegalStateException(op.kind().toString());
                }
            }
        }
    }

    private static List<Object> snapshot(Tenancy tenancy, Ledger ledger, List<CompanyAccess> owners) {
        List<Object> state = new ArrayList<>();
        for (CompanyAccess owner : owners) {
            Company company = tenancy.company(owner);
            state.add(company);
            List<JournalEntry> entries = new ArrayList<>(ledger.entries(owner, EntryFilter.all()));
            entries.sort(Comparator.comparing(e -> e.id().value()));
            state.add(entries);
        }
        return state;
    }
}
