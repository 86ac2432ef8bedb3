package org.junheng.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static String shown(String value) {
        return Pages.number(JsonNodeFactory.instance.numberNode(new BigDecimal(value)));
    }

    @Test
    void valuesAreShownAsPeopleReadThemAndNeverAsNull() {
        assertEquals("0.0411", shown("0.041123"));
        assertEquals("0.5", shown("0.50"));
        assertEquals("2380", shown("2380.0002"));
        assertEquals("7.82", shown("7.8234"));
        assertEquals("4455494", shown("4455493.98"));
        assertEquals("45", shown("45"));
        assertEquals("", Pages.number(JsonNodeFactory.instance.nullNode()));
        assertEquals("", Pages.number(null));
    }

    @Test
    void anIndicatorIsNamedInWordsAndAnUnknownCodeIsKept() {
        assertEquals("RA5 生均体育运动场馆面积", Pages.indicator("RA5"));
        assertEquals("ZZ9", Pages.indicator("ZZ9"));
    }
}
