package org.junheng.evaluation.runs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.evaluation.engine.DistrictInputs;
import org.junheng.evaluation.engine.SchoolInput;
import org.junheng.eventsourcing.published.PublishedEvents;

/** Reads one district period's inputs from the tables the school-data consumer keeps. */
public final class InputsLoader {

    private InputsLoader() {
    }

    public static Uni<DistrictInputs> load(SqlClient client, String district, int period) {
        Uni<List<SchoolInput>> schools = client.preparedQuery("""
                        select s.school_code, coalesce(st.profile, s.profile)::text as profile,
                               st.statistics::text as statistics
                        from input_schools s
                        left join input_statistics st on st.district_code = s.district_code
                             and st.school_code = s.school_code and st.period = $2
                        where s.district_code = $1 and s.status = 'ACTIVE'
                        order by s.school_code""")
                .execute(Tuple.of(district, period)).map(rows -> {
                    List<SchoolInput> inputs = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        String statistics = row.getString("statistics");
                        inputs.add(new SchoolInput(row.getString("school_code"),
                                read(row.getString("profile"), SchoolProfile.class),
                                statistics == null ? null : read(statistics, SchoolStatistics.class)));
                    }
                    return inputs;
                });
        Uni<List<CountyFiguresSubmitted>> figures = client.preparedQuery("""
                        select figures::text as figures from input_county_figures
                        where district_code = $1 and period = $2 order by kind""")
                .execute(Tuple.of(district, period)).map(rows -> {
                    List<CountyFiguresSubmitted> sets = new ArrayList<>();
                    rows.forEach(row -> sets.add(read(row.getString("figures"), CountyFiguresSubmitted.class)));
                    return sets;
                });
        Uni<List<AttestationRecorded>> attestations = client.preparedQuery("""
                        select attestation::text as attestation from input_attestations
                        where district_code = $1 and period = $2 order by indicator, subject_key""")
                .execute(Tuple.of(district, period)).map(rows -> {
                    List<AttestationRecorded> list = new ArrayList<>();
                    rows.forEach(row -> list.add(read(row.getString("attestation"), AttestationRecorded.class)));
                    return list;
                });
        Uni<io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row>> settings = client.preparedQuery("""
                        select basic_balance_recognised_in, basic_balance_monitoring::text as monitoring
                        from district_settings where district_code = $1""")
                .execute(Tuple.of(district));
        return schools.flatMap(s -> figures.flatMap(f -> attestations.flatMap(a -> settings.map(rows -> {
            var row = rows.rowCount() == 0 ? null : rows.iterator().next();
            return new DistrictInputs(district, period, s, f, a, row == null ? null : row.getInteger(0),
                    row == null ? java.util.Map.of()
                            : org.junheng.evaluation.settings.DistrictSettingsResource.monitoring(row.getString(1)));
        }))));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return PublishedEvents.JSON.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("input row is unreadable as " + type.getSimpleName(), e);
        }
    }
}
