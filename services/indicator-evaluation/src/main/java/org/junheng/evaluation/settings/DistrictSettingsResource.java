package org.junheng.evaluation.settings;

import org.junheng.service.DistrictCode;

import org.junheng.evaluation.EvaluationAccess;

import org.junheng.service.Caller;
import jakarta.ws.rs.BeanParam;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Year;
import org.junheng.contracts.Nullable;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * What the standard leaves to each district: the year it was recognised as 基本均衡 (STANDARD.md §6, a readiness
 * precondition). Changing it re-evaluates every period of the district.
 */
@Path("/api/v1/districts/{district}/evaluation-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DistrictSettingsResource {

    private final Pool pool;

    public DistrictSettingsResource(Pool pool) {
        this.pool = pool;
    }

    public record DistrictSettings(@Nullable Integer basicBalanceRecognisedIn) {
    }

    @GET
    public Uni<DistrictSettings> get(@PathParam("district") String district, @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(EvaluationAccess.READ_SETTINGS, d);
        return pool.preparedQuery("select basic_balance_recognised_in from district_settings where district_code = $1")
                .execute(Tuple.of(d))
                .map(rows -> new DistrictSettings(rows.rowCount() == 0 ? null : rows.iterator().next().getInteger(0)));
    }

    @PUT
    public Uni<DistrictSettings> put(@PathParam("district") String district, DistrictSettings settings,
                                     @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(EvaluationAccess.CHANGE_SETTINGS, d);
        Integer year = settings == null ? null : settings.basicBalanceRecognisedIn();
        if (year != null && (year < 2000 || year > Year.now().getValue())) {
            throw Refusal.invalidField("basicBalanceRecognisedIn", year,
                    "认定年份应在2000年至今之间 (a year between 2000 and now)");
        }
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                insert into district_settings (district_code, basic_balance_recognised_in)
                                values ($1, $2) on conflict (district_code) do update
                                set basic_balance_recognised_in = excluded.basic_balance_recognised_in, updated_at = now()""")
                        .execute(Tuple.of(d, year))
                        .flatMap(ignored -> tx.preparedQuery("""
                                        insert into evaluation_requests (district_code, period)
                                        select distinct district_code, period from input_statistics where district_code = $1
                                        on conflict (district_code, period) do update set requested_at = now()""")
                                .execute(Tuple.of(d))))
                .replaceWith(new DistrictSettings(year));
    }
}
