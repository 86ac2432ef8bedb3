package org.junheng.evaluation.simulation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.junheng.evaluation.engine.HypotheticalChange;

/**
 * Reads and writes {@link HypotheticalChange} with a {@code "type"} property naming the kind, without putting Jackson
 * annotations on the framework-free engine (a mix-in).
 */
@Singleton
public class ChangeJson implements ObjectMapperCustomizer {

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(HypotheticalChange.AddFacility.class),
            @JsonSubTypes.Type(HypotheticalChange.AddRoom.class),
            @JsonSubTypes.Type(HypotheticalChange.AddTeachers.class),
            @JsonSubTypes.Type(HypotheticalChange.ChangePupils.class),
            @JsonSubTypes.Type(HypotheticalChange.SetLargestClassSize.class),
            @JsonSubTypes.Type(HypotheticalChange.AddFunds.class),
            @JsonSubTypes.Type(HypotheticalChange.SetCountyFigure.class),
            @JsonSubTypes.Type(HypotheticalChange.Attest.class)})
    interface ChangeTypes {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(HypotheticalChange.class, ChangeTypes.class);
    }
}
