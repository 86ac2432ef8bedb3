package org.junheng.notices.bulletins;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.notices.readmodels.TaskBoard;
import org.junheng.service.Periodic;

/**
 * The monthly bulletin (月度通报) of every district with tasks. It checks every few hours; the bulletin of a month has
 * one id, so checking again, or on several replicas, issues it once.
 */
@Startup
@ApplicationScoped
public class BulletinSchedule {

    private static final EventMetadata METADATA = new EventMetadata(null, null, null,
            EventMetadata.Actor.system("supervision-notices-bulletins"), null, null, null);

    private final TaskBoard board;
    private final BulletinResource bulletins;
    private final Clock clock;
    private final Periodic schedule;

    BulletinSchedule(TaskBoard board, BulletinResource bulletins, Clock clock,
                     @ConfigProperty(name = "junheng.notices.bulletin-check", defaultValue = "PT6H") Duration every) {
        this.board = board;
        this.bulletins = bulletins;
        this.clock = clock;
        this.schedule = Periodic.every("monthly-bulletins", every, this::runOnce);
    }

    void onStop(@Observes ShutdownEvent event) {
        schedule.stop();
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
}
