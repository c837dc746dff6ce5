package ai.bookkeeper.jobs;

import ai.bookkeeper.platform.CompanyLock;
import ai.bookkeeper.platform.DatabaseEngine;
import ai.bookkeeper.tenancy.Tenancy;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The queue is db-scheduler over the application's own database: one-time task instances keyed by job id, picked
 * by one instance at a time (optimistic version column), kept alive by heartbeats and revived elsewhere when their
 * instance dies. The data source is transaction-aware so that submitting joins the caller's transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    static final String TASK = "bookkeeper-job";

    @Bean
    JobRunner jobRunner(JobRepository repository, Tenancy tenancy, org.springframework.beans.factory.ObjectProvider<JobHandler> handlers, JobsProperties properties,
                        Clock clock, CompanyLock companyLock) {
        return new JobRunner(repository, tenancy, handlers.orderedStream().toList(), properties, clock, companyLock);
    }

    @Bean
    OneTimeTask<String> jobTask(JobRunner runner) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(runner)
                .execute((instance, context) -> {
                    try {
                        runner.run(instance.getData());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
    }

    /** Submits jobs; joins the caller's transaction. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, OneTimeTask<String> jobTask, DatabaseEngine engine) {
        var builder = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), List.of(jobTask))
                .tableName("scheduled_tasks");
        if (engine == DatabaseEngine.SQLITE) {
            builder.jdbcCustomization(new SqliteJdbcCustomization());
        }
        return builder.build();
    }

    /**
     * Runs jobs where {@code bookkeeper.jobs.worker} is on. A db-scheduler worker can't start again once stopped, so
     * each start builds a fresh one (the context may be stopped and restarted, as Spring's test contexts are).
     */
    @Bean
    SmartLifecycle jobWorker(DataSource dataSource, OneTimeTask<String> jobTask, JobsProperties properties,
                             DatabaseEngine engine) {
        return new SmartLifecycle() {
            private volatile Scheduler worker;

            @Override
            public void start() {
                if (!properties.worker()) {
                    return;
                }
                var builder = Scheduler.create(engine == DatabaseEngine.SQLITE
                        ? new StatementTransactions(dataSource) : dataSource, List.of(jobTask));
                if (engine == DatabaseEngine.SQLITE) {
                    builder.jdbcCustomization(new SqliteJdbcCustomization());
                }
                worker = builder.tableName("scheduled_tasks")
                        .threads(properties.threads())
                        .pollingInterval(properties.pollInterval())
                        .heartbeatInterval(properties.heartbeat())
                        .missedHeartbeatsLimit(4)
                        .commitWhenAutocommitDisabled(true)
                        .build();
                worker.start();
            }

            @Override
            public void stop() {
                Scheduler running = worker;
                worker = null;
                if (running != null) {
                    running.stop();
                }
            }

            @Override
            public boolean isRunning() {
                return worker != null;
            }
        };
    }
}
