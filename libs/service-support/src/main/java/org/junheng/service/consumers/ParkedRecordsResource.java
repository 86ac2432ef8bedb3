package org.junheng.service.consumers;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.eventsourcing.consumer.DeadLetter;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.consumer.PoisonRecordException;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.service.Caller;
import org.junheng.service.QueryValues;

/**
 * The records the service's consumers parked ({@link GuardedConsumer}): list and show them, handle one again after a
 * fix, or discard it. Retry and discard record who did it; an administrator's work only.
 */
@Path("/api/v1/admin/parked-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "运维 (operations)")
public class ParkedRecordsResource {

    private static final int MAX_LIMIT = 500;

    private final ConsumerGuards guards;

    ParkedRecordsResource(ConsumerGuards guards) {
        this.guards = guards;
    }

    /** A parked record as an operator reads it; the value as text when it is printable, always as base64. */
    public record ParkedRecord(long id, String consumer, String topic, int partition, long offset, String key,
                               String reason, String reasonLabel, String error, int attempts,
                               OffsetDateTime parkedAt, String status, String statusLabel,
                               OffsetDateTime resolvedAt, String resolvedBy, String resolution, int valueBytes,
                               String valueText, String valueBase64, List<RecordHeader> headers) {
    }

    public record RecordHeader(String key, String text, String base64) {
    }

    /** Why a record is discarded, for the record. */
    public record Discard(String reason) {
    }

    @GET
    @Operation(summary = "列出被搁置的记录 (list parked records)",
            description = "status: PARKED (默认), RETRIED, DISCARDED 或 ALL; consumer: 消费者名称; limit ≤ 500")
    public Uni<List<ParkedRecord>> list(@BeanParam Caller caller, @QueryParam("status") String status,
                                        @QueryParam("consumer") String consumer,
                                        @QueryParam("limit") String limit) {
        caller.require(org.junheng.service.CommonAccess.LIST_PARKED);
        DeadLetter.Status wanted = status(status);
        Integer max = QueryValues.optionalInteger("limit", limit);
        if (max != null && (max < 1 || max > MAX_LIMIT)) {
            throw Refusal.invalidField("limit", limit, "须在 1 到 " + MAX_LIMIT + " 之间 (between 1 and 500)");
        }
        return guards.deadLetters().list(wanted, blankToNull(consumer), max == null ? 100 : max)
                .map(letters -> letters.stream().map(ParkedRecordsResource::view).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看一条被搁置的记录 (show a parked record)")
    public Uni<ParkedRecord> show(@BeanParam Caller caller, @PathParam("id") String id) {
        caller.require(org.junheng.service.CommonAccess.READ_PARKED);
        return load(id).map(ParkedRecordsResource::view);
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "重新处理被搁置的记录 (handle a parked record again)",
            description = "修复后重新处理：成功则记录的效果与状态 RETRIED 一同提交；仍失败则答 422，记录保持搁置")
    public Uni<ParkedRecord> retry(@BeanParam Caller caller, @PathParam("id") String id) {
        caller.require(org.junheng.service.CommonAccess.RETRY_PARKED);
        return load(id).flatMap(letter -> {
            requireParked(letter);
            GuardedConsumer consumer = guards.named(letter.consumer()).orElseThrow(() -> Refusal.conflict(
                    "consumer-unknown", "本服务已没有消费者 " + letter.consumer()
                            + "，只能丢弃 (this service no longer has that consumer; discard it)"));
            return consumer.retry(letter, caller.actor().headerValue())
                    .onFailure(failure -> !(failure instanceof Refusal)).transform(failure ->
                            new Refusal(Refusal.Kind.UNPROCESSABLE, "parked-record-still-failing",
                                    "重新处理仍然失败 (handling failed again)", failure instanceof
                                    PoisonRecordException poison ? poison.getMessage()
                                    : failure.getClass().getSimpleName() + ": " + failure.getMessage(), null))
                    .flatMap(ignored -> load(id));
        }).map(ParkedRecordsResource::view);
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "丢弃被搁置的记录 (discard a parked record)",
            description = "记录保留以备查，状态改为 DISCARDED，并记下操作人和原因")
    public Uni<ParkedRecord> discard(@BeanParam Caller caller, @PathParam("id") String id, Discard body) {
        caller.require(org.junheng.service.CommonAccess.DISCARD_PARKED);
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "已丢弃 (discarded)"
                : body.reason().strip();
        if (reason.length() > 500) {
            throw Refusal.invalidField("reason", reason.substring(0, 40) + "…", "至多 500 字 (at most 500 characters)");
        }
        return load(id).flatMap(letter -> {
            requireParked(letter);
            return guards.deadLetters().settle(letter.id(), DeadLetter.Status.DISCARDED,
                    caller.actor().headerValue(), reason).flatMap(settled -> {
                        if (!settled) {
                            throw notParked(letter);
                        }
                        return load(id);
                    });
        }).map(ParkedRecordsResource::view);
    }

    private Uni<DeadLetter> load(String id) {
        Long number = QueryValues.optionalLong("id", id);
        if (number == null) {
            throw Refusal.invalidField("id", id, "须为整数 (a whole number)");
        }
        return guards.deadLetters().find(number).map(found -> found.orElseThrow(() ->
                Refusal.notFound("parked-record-not-found", "没有编号为 " + number + " 的搁置记录")));
    }

    private static void requireParked(DeadLetter letter) {
        if (letter.status() != DeadLetter.Status.PARKED) {
            throw notParked(letter);
        }
    }

    private static Refusal notParked(DeadLetter letter) {
        return Refusal.conflict("parked-record-settled", "该记录已" + label(letter.status()) + "，不再搁置 (already "
                + letter.status() + ")");
    }

    private static DeadLetter.Status status(String text) {
        if (text == null || text.isBlank()) {
            return DeadLetter.Status.PARKED;
        }
        if (text.trim().equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return DeadLetter.Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("status", text, "须为 PARKED、RETRIED、DISCARDED 或 ALL");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static ParkedRecord view(DeadLetter letter) {
        return new ParkedRecord(letter.id(), letter.consumer(), letter.topic(), letter.partition(), letter.offset(),
                letter.key(), letter.reason().name(), letter.reason().label(), letter.error(), letter.attempts(),
                letter.parkedAt(), letter.status().name(), label(letter.status()), letter.resolvedAt(),
                letter.resolvedBy(), letter.resolution(), letter.value() == null ? 0 : letter.value().length,
                DeadLetter.text(letter.value()),
                letter.value() == null ? null : Base64.getEncoder().encodeToString(letter.value()),
                letter.headers().stream().map(h -> new RecordHeader(h.key(), h.text(), h.base64())).toList());
    }

    static String label(DeadLetter.Status status) {
        return switch (status) {
            case PARKED -> "搁置待处理";
            case RETRIED -> "重新处理";
            case DISCARDED -> "丢弃";
        };
    }
}
