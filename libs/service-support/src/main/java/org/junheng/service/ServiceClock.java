package org.junheng.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The clock deadlines are measured by: Beijing time. Tests replace it with one they can move. */
@ApplicationScoped
public class ServiceClock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(CHINA);
    }
}
