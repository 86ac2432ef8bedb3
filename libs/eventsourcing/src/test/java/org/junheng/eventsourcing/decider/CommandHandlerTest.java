package org.junheng.eventsourcing.decider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junheng.contracts.Department;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.CountyFiguresEvent;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.TestDatabase;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.eventsourcing.testing.DeciderSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one command loop against a real PostgreSQL: versions, If-Match, checks before versions, concurrent writers. */
class CommandHandlerTest {

    static final Department FINANCE = new Department("cz", "区财政局");

    /** A figure set as the last submitted values; a repeat changes nothing, an empty set is refused. */
    static final Decider<List<FigureValue>, List<FigureValue>, CountyFiguresEvent> FIGURES = new Decider<>() {
        @Override
        public List<CountyFiguresEvent> decide(List<FigureValue> state, List<FigureValue> values) {
            if (values.isEmpty()) {
                throw Refusal.invalidField("values", null, "至少一个数据项 (at least one value)");
            }
            return values.equals(state) ? List.of() : List.of(new CountyFiguresSubmitted("500104", 2024,
                    CountyFigureSetKind.TEACHER_PAY, FINANCE, values));
        }

        @Override
        public List<FigureValue> evolve(List<FigureValue> state, CountyFiguresEvent event) {
            return ((CountyFiguresSubmitted) event).values();
        }
    };

    static TestDatabase db;
    static EventStore store;
    static CommandHandler<List<FigureValue>, List<FigureValue>, CountyFiguresEvent> handler;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema(4);
        store = new EventStore(db.pool());
        handler = new CommandHandler<>(store, "CountyFigures", CountyFiguresEvent.class, FIGURES);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static List<FigureValue> values(int amount) {
        return List.of(new FigureValue("teacherAverageSalary", null, BigDecimal.valueOf(amount)));
    }

    <T> T await(Uni<T> uni) {
        return uni.await().indefinitely();
    }

    @Test
    void aCommandStartsTheStreamAndARepeatChangesNothing() {
        var first = await(handler.on("figures/a", List.of()).command(values(1)).run(db.pool()));
        assertTrue(first.created());
        assertEquals(1, first.version());
        assertEquals(values(1), first.state());
        var repeat = await(handler.on("figures/a", List.of()).ifMatch(1L).command(values(1)).run(db.pool()));
        assertFalse(repeat.created());
        assertEquals(List.of(), repeat.events());
        assertEquals(1, repeat.version());
        var next = await(handler.on("figures/a", List.of()).ifMatch(1L).command(values(2)).run(db.pool()));
        assertEquals(2, next.version());
        assertEquals(values(2), await(handler.load(db.pool(), "figures/a", List.of())).state());
    }

    @Test
    void aStaleOrMissingIfMatchIsRefusedAndStoresNothing() {
        await(handler.on("figures/b", List.of()).command(values(1)).run(db.pool()));
        Refusal stale = assertThrows(Refusal.class, () -> await(handler.on("figures/b", List.of()).ifMatch(0L)
                .command(values(2)).run(db.pool())));
        assertEquals(Refusal.Kind.STALE, stale.kind());
        Refusal required = assertThrows(Refusal.class, () -> await(handler.on("figures/b", List.of())
                .requireIfMatch().command(values(2)).run(db.pool())));
        assertEquals(Refusal.Kind.VERSION_REQUIRED, required.kind());
        assertEquals(1L, await(store.currentVersion("figures/b")));
    }

    @Test
    void checksComeBeforeVersionsAndRefusalsBeforeAnythingIsWritten() {
        Refusal missing = assertThrows(Refusal.class, () -> await(handler.on("figures/c", List.of()).ifMatch(7L)
                .check((state, version) -> {
                    if (version == 0) {
                        throw Refusal.notFound("figures-not-found", "尚未报送 (not submitted yet)");
                    }
                }).command(values(1)).run(db.pool())));
        assertEquals(Refusal.Kind.NOT_FOUND, missing.kind());

        AtomicBoolean written = new AtomicBoolean();
        Refusal invalid = assertThrows(Refusal.class, () -> await(handler.on("figures/c", List.of())
                .command(List.of()).alongside(client -> {
                    written.set(true);
                    return Uni.createFrom().voidItem();
                }).run(db.pool())));
        assertEquals("values", ((Violation) invalid.errors().get(0)).field());
        assertFalse(written.get(), "nothing is written alongside a refused command");
        assertEquals(0L, await(store.currentVersion("figures/c")));
    }

    @Test
    void aWriterThatLosesTheRaceIsStaleWhenItNamedAVersionAndItsAlongsideWriteRollsBack() {
        await(db.pool().query("create table if not exists side_rows (stream text)").execute());
        await(handler.on("figures/d", List.of()).command(values(1)).run(db.pool()));
        var figures = new CountyFiguresSubmitted("500104", 2024, CountyFigureSetKind.TEACHER_PAY, FINANCE, values(9));
        var competing = PublishedEvents.toNewEvent(figures, EventMetadata.NONE);
        Refusal lost = assertThrows(Refusal.class, () -> await(handler.on("figures/d", List.of()).ifMatch(1L)
                .command(values(2))
                .alongside(client -> client.query("insert into side_rows values ('figures/d')").execute()
                        // another writer commits the next version between this command's read and its append
                        .flatMap(rows -> store.append("figures/d", "CountyFigures", ExpectedVersion.exactly(1),
                                List.of(competing))).replaceWithVoid())
                .run(db.pool())));
        assertEquals(Refusal.Kind.STALE, lost.kind());
        assertEquals(values(9), await(handler.load(db.pool(), "figures/d", List.of())).state());
        assertEquals(0, await(db.pool().query("select * from side_rows").execute()).rowCount());

        assertThrows(ConcurrencyConflictException.class, () -> await(handler.on("figures/d", List.of())
                .command(values(3))
                .alongside(client -> store.append("figures/d", "CountyFigures", ExpectedVersion.exactly(2),
                        List.of(PublishedEvents.toNewEvent(figures, EventMetadata.NONE))).replaceWithVoid())
                .run(db.pool())));
    }

    @Test
    void theSpecReadsGivenWhenThen() {
        var spec = DeciderSpec.of(FIGURES, List.<FigureValue>of());
        spec.given().when(values(1)).then(new CountyFiguresSubmitted("500104", 2024, CountyFigureSetKind.TEACHER_PAY,
                FINANCE, values(1)));
        spec.given(new CountyFiguresSubmitted("500104", 2024, CountyFigureSetKind.TEACHER_PAY, FINANCE, values(1)))
                .when(values(1)).thenNothing();
        spec.given().when(List.of()).thenRefused(Refusal.Kind.INVALID, "validation");
    }
}
