package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * Special cases on the school record that change how an indicator is measured (STANDARD.md §1, convention). Cases
 * that follow from reported data (year built, migrant share, pupils, class size) are not flags.
 */
@JsonClassDescription("学校特殊情形 (special-case flags; DENSE_CITY_CORE lets RA5 count converted and leased sports "
        + "areas, RURAL_SMALL_SCHOOL lets RA3 count rotating, part-time and itinerant teachers)")
public enum SchoolFlag implements Labelled {
    DENSE_CITY_CORE("人口密度过高的大城市中心城区学校"),
    RURAL_SMALL_SCHOOL("乡村小规模学校");

    private final String label;

    SchoolFlag(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
