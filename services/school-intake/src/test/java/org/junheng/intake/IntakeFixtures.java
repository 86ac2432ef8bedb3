package org.junheng.intake;

import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;
import org.junheng.eventsourcing.published.PublishedEvents;

/** Realistic forms of a Dadukou primary school, for the API tests. */
public final class IntakeFixtures {

    public static final String DISTRICT = "500104";

    private IntakeFixtures() {
    }

    public static SchoolProfile primaryProfile(String name) {
        return new SchoolProfile(name, SchoolType.PRIMARY, LocationClass.URBAN, Ownership.PUBLIC, false, 1985, List.of());
    }

    public static SchoolStatistics primaryStatistics(int pupils, BigDecimal sportsGround) {
        int classes = (pupils + 44) / 45;
        SectionStatistics section = new SectionStatistics(Section.P, pupils, classes, 45, List.of(), 120, pupils - 20,
                new Teachers(new QualificationCounts(0, 20, 40, 4, 0), 64, 8, 6, 4, 4, 0, 0, 60), null);
        Facilities facilities = new Facilities(new BigDecimal("6200.50"), new BigDecimal("600"), new BigDecimal("800"),
                sportsGround, null, new BigDecimal("2800000"), 24, List.of(new BigDecimal("98")),
                List.of(new BigDecimal("92")));
        return new SchoolStatistics(List.of(section), 0, facilities,
                new Funds(new BigDecimal("1200000"), new BigDecimal("72000"), null), null);
    }

    public static String json(Object value) {
        return PublishedEvents.write(value);
    }
}
