package ai.bookkeeper.pipeline;

import ai.bookkeeper.jobs.Jobs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counters of what the imports did (transactions ingested, categorized by tier, approved automatically) and the
 * job queue depth, for Prometheus at {@code /actuator/prometheus}.
 */
@Component
class PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter ingested;
    private final Counter autoApproved;

    /** Jobs comes through a provider: job handlers need these metrics, and Jobs needs the handlers. */
    PipelineMetrics(MeterRegistry registry, ObjectProvider<Jobs> jobs) {
        this.registry = registry;
        this.ingested = Counter.builder("bookkeeper.transactions.ingested")
                .description("Bank transactions added by statement imports (duplicates not counted)").register(registry);
        this.autoApproved = Counter.builder("bookkeeper.transactions.auto_approved")
                .description("Proposed entries approved without a reviewer").register(registry);
        Gauge.builder("bookkeeper.jobs.queue.depth", jobs, provider -> provider.getObject().queueDepth())
                .strongReference(true) // the provider is referenced only here: a weak reference would read NaN after GC
                .description("Background jobs not finished yet, over all companies").register(registry);
    }

    void ingested(long transactions) {
        ingested.increment(transactions);
    }

    void categorized(Map<String, Long> byTier) {
        byTier.forEach((tier, count) -> Counter.builder("bookkeeper.transactions.categorized")
                .description("Bank transactions categorized and proposed, by the tier that named the account")
                .tag("tier", tier).register(registry).increment(count));
    }

    void autoApproved(long entries) {
        autoApproved.increment(entries);
    }
}
