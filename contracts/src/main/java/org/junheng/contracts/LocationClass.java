package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/** 城乡分类 of a school's site; GG13 (就近划片入学) applies to urban and town schools only. */
@JsonClassDescription("城乡分类 (location class)")
public enum LocationClass implements Labelled {
    URBAN("城区"),
    TOWN("镇区"),
    RURAL("乡村");

    private final String label;

    LocationClass(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
