package org.junheng.evaluation.simulation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junheng.evaluation.engine.HypotheticalChange;

/**
 * Reads and writes {@link HypotheticalChange} with a {@code "type"} property naming the kind, without putting Jackson
 * annotations on the framework-free engine (a mix-in). The mix-in also describes the kinds to the OpenAPI document
 * (a {@code oneOf} with {@code type} as discriminator), which reads no mix-ins.
 */
@Singleton
public class ChangeJson implements ObjectMapperCustomizer {

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    @Schema(name = "SimulationChange", description = "一项模拟变化 (one what-if change)，以 type 区分：AddFacility 增加设施设备、"
            + "AddRoom 增加专用教室面积、AddTeachers 增加教师、ChangePupils 学生数增减、SetLargestClassSize 最大班额、"
            + "AddFunds 增加经费、SetCountyFigure 县级数据、Attest 督导认定",
            oneOf = {HypotheticalChange.AddTeachers.class, HypotheticalChange.AddFacility.class,
                    HypotheticalChange.AddRoom.class, HypotheticalChange.ChangePupils.class,
                    HypotheticalChange.SetLargestClassSize.class, HypotheticalChange.AddFunds.class,
                    HypotheticalChange.SetCountyFigure.class, HypotheticalChange.Attest.class},
            discriminatorProperty = "type", discriminatorMapping = {
                    @DiscriminatorMapping(value = "AddTeachers", schema = HypotheticalChange.AddTeachers.class),
                    @DiscriminatorMapping(value = "AddFacility", schema = HypotheticalChange.AddFacility.class),
                    @DiscriminatorMapping(value = "AddRoom", schema = HypotheticalChange.AddRoom.class),
                    @DiscriminatorMapping(value = "ChangePupils", schema = HypotheticalChange.ChangePupils.class),
                    @DiscriminatorMapping(value = "SetLargestClassSize",
                            schema = HypotheticalChange.SetLargestClassSize.class),
                    @DiscriminatorMapping(value = "AddFunds", schema = HypotheticalChange.AddFunds.class),
                    @DiscriminatorMapping(value = "SetCountyFigure", schema = HypotheticalChange.SetCountyFigure.class),
                    @DiscriminatorMapping(value = "Attest", schema = HypotheticalChange.Attest.class)})
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
