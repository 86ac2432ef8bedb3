package org.junheng.notices.bulletins;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junheng.eventsourcing.EventMetadata;

/**
 * The monthly bulletin (月度通报) of every district with tasks. It checks every few hours; the bulletin of a month has
 * one id, so checking again, or on several replicas, issues it once.
 */
@Startup
@ApplicationScoped
public class BulletinSchedule {

    private static final Logger LOG = Logger.getLogger(BulletinSchedule.class);
    private static final EventMetadata METADATA = new EventMetadata(null, null, null,
            EventMetadata.Actor.system("supervision-notices-bulletins"), null, null, null);

    private final TaskBoard board;
    private final BulletinResource bulletins;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    BulletinSchedule(TaskBoard board, BulletinResource bulletins, Clock clock,
                     @ConfigProperty(name = "junheng.notices.bulletin-check", defaultValue = "PT6H") Duration every) {
        this.board = board;
        this.bulletins = bulletins;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "monthly-bulletins");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** The label of this month's bulletin, e.g. 2025年3月月度通报. */
    public String currentLabel() {
        LocalDate today = LocalDate.now(clock);
        return today.getYear() + "年" + today.getMonthValue() + "月月度通报";
    }

    public void runOnce() {
        String label = currentLabel();
        for (String district : board.districts().await().atMost(Duration.ofMinutes(1))) {
            bulletins.compose(district, label, null, null, METADATA.withDistrict(district))
                    .await().atMost(Duration.ofMinutes(1));
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("monthly bulletins failed; the next check retries", e);
        }
    }
}
