package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.Nullable;

/** Buildings and equipment: inputs of RA4–RA7 and GG3. Areas in m², money in 元. */
@JsonClassDescription("办学条件 (facilities); areas in m², values in yuan")
public record Facilities(
        @JsonPropertyDescription("教学及辅助用房面积") BigDecimal teachingAndAuxiliaryArea,
        @JsonPropertyDescription("室内体育用房面积 (subtracted in RA4)") BigDecimal indoorSportsArea,
        @JsonPropertyDescription("体育馆面积") BigDecimal gymnasiumArea,
        @JsonPropertyDescription("校内运动场地面积") BigDecimal sportsGroundArea,
        @Nullable @JsonPropertyDescription("改造屋顶/地下及政府租用的校外场馆面积; dense city-core schools only")
        BigDecimal leasedOrConvertedSportsArea,
        @JsonPropertyDescription("教学仪器设备值 (账面原值)") BigDecimal equipmentBookValue,
        @JsonPropertyDescription("网络多媒体教室数") int multimediaClassrooms,
        @JsonPropertyDescription("音乐专用教室面积, one entry per room") List<BigDecimal> musicRoomAreas,
        @JsonPropertyDescription("美术专用教室面积, one entry per room") List<BigDecimal> artRoomAreas) {

    public Facilities {
        musicRoomAreas = List.copyOf(musicRoomAreas);
        artRoomAreas = List.copyOf(artRoomAreas);
    }
}
