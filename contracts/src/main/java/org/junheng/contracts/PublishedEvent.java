package org.junheng.contracts;

/**
 * An event of the published language: one record nested in the sealed interface of its aggregate, registered in
 * {@link EventCatalog}. Carries what a consumer needs without a lookup.
 */
public interface PublishedEvent {

    /** 行政区划代码 of the district (county) the event belongs to, 6 digits, e.g. {@code 500104} for 大渡口区. */
    String districtCode();

    /**
     * The Kafka message key. Events that must stay in order share a key (one school, one district period, one
     * finding, one task, one audience); see {@code asyncapi.yaml} for the format per topic.
     */
    String messageKey();
}
