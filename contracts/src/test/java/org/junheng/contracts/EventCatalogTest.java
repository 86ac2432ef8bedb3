package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.notices.NoticeEvent;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.schooldata.AttestationEvent;
import org.junheng.contracts.schooldata.CountyFiguresEvent;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    /** The aggregates' sealed interfaces and the topic each publishes on. */
    private static final Map<Class<?>, String> SEALED_EVENT_INTERFACES = Map.ofEntries(
            Map.entry(SchoolEvent.class, Topics.SCHOOL_DATA),
            Map.entry(SchoolStatisticsEvent.class, Topics.SCHOOL_DATA),
            Map.entry(CountyFiguresEvent.class, Topics.SCHOOL_DATA),
            Map.entry(AttestationEvent.class, Topics.SCHOOL_DATA),
            Map.entry(EvaluationEvent.class, Topics.EVALUATION),
            Map.entry(FindingEvent.class, Topics.EVALUATION),
            Map.entry(TaskEvent.class, Topics.RECTIFICATION),
            Map.entry(org.junheng.contracts.rectification.RecognitionEvent.class, Topics.RECTIFICATION),
            Map.entry(org.junheng.contracts.rectification.PlanEvent.class, Topics.RECTIFICATION),
            Map.entry(org.junheng.contracts.rectification.UnitEvent.class, Topics.RECTIFICATION),
            Map.entry(NoticeEvent.class, Topics.NOTICES),
            Map.entry(org.junheng.contracts.operations.OperationsEvent.class, Topics.OPERATIONS));

    @Test
    void coversEveryPermittedSubclassOfEverySealedEventInterfaceOnItsTopic() {
        Set<Class<?>> permitted = new HashSet<>();
        SEALED_EVENT_INTERFACES.forEach((sealed, topic) -> {
            assertTrue(sealed.isSealed(), sealed + " is sealed");
            for (Class<?> event : sealed.getPermittedSubclasses()) {
                assertTrue(event.isRecord(), event + " is a record");
                assertEquals(topic, EventCatalog.entry(event).topic(), event.getName());
                permitted.add(event);
            }
        });

        assertEquals(permitted, EventCatalog.all().stream().map(EventCatalog.Entry::eventClass).collect(Collectors.toSet()));
    }

    /** A new aggregate interface must be added above; otherwise the test before would not see its events. */
    @Test
    void everyEventTypeOnTheClasspathIsCoveredBySealedInterfacesListedHere() throws Exception {
        List<Class<?>> publishedTypes = compiledContractClasses()
                .filter(type -> PublishedEvent.class.isAssignableFrom(type) && type != PublishedEvent.class)
                .toList();

        Set<Class<?>> interfaces = publishedTypes.stream().filter(Class::isInterface).collect(Collectors.toSet());
        Set<Class<?>> records = publishedTypes.stream().filter(Class::isRecord).collect(Collectors.toSet());

        assertEquals(SEALED_EVENT_INTERFACES.keySet(), interfaces);
        assertEquals(publishedTypes.size(), interfaces.size() + records.size(), "only interfaces and records");
        assertEquals(EventCatalog.all().size(), records.size());
    }

    @Test
    void derivesStoredTypeCloudEventsTypeAndSchemaLocation() {
        EventCatalog.Entry entry = EventCatalog.entry(SchoolEvent.SchoolRegistered.class);

        assertEquals("SchoolRegistered.v1", EventCatalog.storedType(SchoolEvent.SchoolRegistered.class));
        assertEquals("org.junheng.school-data.SchoolRegistered.v1", EventCatalog.ceType(SchoolEvent.SchoolRegistered.class));
        assertEquals("org.junheng.rectification.TaskEscalated.v1", EventCatalog.ceType(TaskEvent.TaskEscalated.class));
        assertEquals("schemas/school-data/SchoolRegistered.v1.schema.json", entry.schemaResource());
        assertEquals("https://junheng.org/schemas/school-data/SchoolRegistered.v1.schema.json", entry.schemaId());
    }

    @Test
    void everyEntryIsVersionOneAndFoundAgainByItsTypes() {
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            assertEquals(1, entry.version(), entry.name());
            assertEquals(entry.eventClass().getSimpleName(), entry.name());
            assertEquals(entry.eventClass(), EventCatalog.classForStoredType(entry.storedType()));
            assertEquals(entry.eventClass(), EventCatalog.classForCeType(entry.ceType()));
            assertTrue(entry.ceType().matches("org\\.junheng\\.[a-z-]+\\.[A-Za-z]+\\.v1"), entry.ceType());
        }
    }

    /** People read these on the timeline and in documents: Chinese, short, one per type. */
    @Test
    void everyEventTypeHasAChineseLabel() {
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            String label = entry.label();
            org.junit.jupiter.api.Assertions.assertTrue(label.codePoints().anyMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) && label.length() <= 12,
                    entry.name() + ": " + label);
        }
        org.junit.jupiter.api.Assertions.assertEquals("上传佐证材料", EventCatalog.label("EvidenceAttached.v1"));
        org.junit.jupiter.api.Assertions.assertEquals("任务关闭 (销号)", EventCatalog.label("TaskClosed.v1"));
        org.junit.jupiter.api.Assertions.assertEquals("Newer.v9", EventCatalog.label("Newer.v9"));
    }

    @Test
    void namesAreUniqueAcrossTopics() {
        Map<String, Long> countByName = EventCatalog.all().stream()
                .collect(Collectors.groupingBy(EventCatalog.Entry::name, Collectors.counting()));

        assertEquals(EventCatalog.all().size(), countByName.size(), countByName.toString());
    }

    @Test
    void topicsPartitionTheCatalogue() {
        List<EventCatalog.Entry> byTopic = Topics.all().stream().flatMap(topic -> EventCatalog.forTopic(topic).stream()).toList();

        assertEquals(EventCatalog.all(), byTopic);
        assertEquals(List.of("NoticeIssued", "NoticeAcknowledged"),
                EventCatalog.forTopic(Topics.NOTICES).stream().map(EventCatalog.Entry::name).toList());
        assertEquals(8, EventCatalog.forTopic(Topics.SCHOOL_DATA).size());
        assertEquals(8, EventCatalog.forTopic(Topics.EVALUATION).size());
        assertEquals(24, EventCatalog.forTopic(Topics.RECTIFICATION).size(),
                "16 task events, 2 of recognition, 4 of the plan, 2 of the units");
    }

    @Test
    void unknownTypesAreRejectedOrReportedAbsent() {
        assertThrows(IllegalArgumentException.class, () -> EventCatalog.classForStoredType("SchoolRegistered.v2"));
        assertThrows(IllegalArgumentException.class, () -> EventCatalog.classForCeType("org.junheng.school-data.Nope.v1"));
        assertThrows(IllegalArgumentException.class, () -> EventCatalog.entry(String.class));
        assertThrows(IllegalArgumentException.class, () -> EventCatalog.forTopic("junheng.school-data.v2"));
        assertEquals(Optional.empty(), EventCatalog.findByCeType("org.junheng.evaluation.FindingRaised.v2"));
        assertEquals(Optional.of(EventCatalog.entry(FindingEvent.FindingRaised.class)),
                EventCatalog.findByStoredType("FindingRaised.v1"));
    }

    /** All classes compiled into this module's output under org.junheng.contracts. */
    private static Stream<Class<?>> compiledContractClasses() throws IOException, URISyntaxException {
        Path classesRoot = Path.of(PublishedEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Function<Path, String> className = file -> classesRoot.relativize(file).toString()
                .replace(file.getFileSystem().getSeparator(), ".")
                .replaceAll("\\.class$", "");
        try (Stream<Path> files = Files.walk(classesRoot.resolve("org/junheng/contracts"))) {
            List<String> names = files.filter(file -> file.toString().endsWith(".class")).map(className).toList();
            return names.stream().map(EventCatalogTest::load);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
